using Portal.Domain.Common;

namespace Portal.Tests.Common;

public class CheckedTests
{
    [Fact]
    public void Ok_CarriesValue_AndIsValid()
    {
        var result = Checked<int>.Ok(42);
        Assert.True(result.IsValid);
        Assert.Equal(42, result.Value);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Fail_CarriesError_AndIsNotValid()
    {
        var result = Checked<string>.Fail("خطا");
        Assert.False(result.IsValid);
        Assert.Equal("خطا", result.Error);
        Assert.Null(result.Value);
    }

    [Fact]
    public void Fail_WithEmptyError_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Checked<int>.Fail(""));
    }
}
