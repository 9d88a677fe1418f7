using Portal.Domain.Common;
using Portal.Domain.Eligibility;

namespace Portal.Tests.Eligibility;

/// <summary>Tracking codes: 12 digits whose Verhoeff check digit catches any one mistyped digit and any swap of neighbours.</summary>
public sealed class TrackingCodeTests
{
    [Fact]
    public void Codes_AreTwelveDigits_Distinct_AndPassTheirOwnCheck()
    {
        var codes = Enumerable.Range(0, 20_000).Select(i => TrackingCode.FromSequence(i)).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9]{12}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes.Take(500), c => Assert.Equal(c, TrackingCode.Check(c).Value));
        // Consecutive sequence numbers do not give consecutive codes.
        Assert.NotEqual(long.Parse(codes[0][..11]) + 1, long.Parse(codes[1][..11]));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(123_456_789L)]
    [InlineData(99_999_999_999L)]
    public void TrackingCode_Decoded_GivesTheLogNumberItWasMadeFrom(long number) =>
        Assert.Equal(number, TrackingCode.ToSequence(TrackingCode.FromSequence(number)));

    [Fact]
    public void EveryMistypedDigit_AndEverySwapOfNeighbours_IsCaught()
    {
        foreach (var code in Enumerable.Range(1, 200).Select(i => TrackingCode.FromSequence(i * 7919L)))
        {
            for (var i = 0; i < code.Length; i++)
            for (var d = '0'; d <= '9'; d++)
            {
                if (d == code[i]) continue;
                var typo = code[..i] + d + code[(i + 1)..];
                Assert.False(TrackingCode.Check(typo).IsValid, $"{code} → {typo}");
            }
            for (var i = 0; i + 1 < code.Length; i++)
            {
                if (code[i] == code[i + 1]) continue;
                var swapped = code[..i] + code[i + 1] + code[i] + code[(i + 2)..];
                Assert.False(TrackingCode.Check(swapped).IsValid, $"{code} → {swapped}");
            }
        }
    }

    [Fact]
    public void PersianDigitsAndSpaces_AreRead_AndAWrongLengthSaysSo()
    {
        var code = TrackingCode.FromSequence(424_242);

        Assert.Equal(code, TrackingCode.Check(TextNormalizer.ToPersianDigits(code[..6] + " " + code[6..])).Value);
        Assert.Contains("۱۲ رقم", TrackingCode.Check("12345").Error);
        Assert.Contains("اشتباه", TrackingCode.Check(code[..11] + (code[11] == '0' ? '1' : '0')).Error);
    }
}
