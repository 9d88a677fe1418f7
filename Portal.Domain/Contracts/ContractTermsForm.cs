using System.Globalization;
using Portal.Domain.Common;

namespace Portal.Domain.Contracts;

/// <summary>What a review office types for a contract's term and fee, checked field by field.</summary>
public sealed class ContractTermsForm
{
    public string? StartsOn { get; set; }
    public string? TermMonths { get; set; } = "12";
    public string? FeePerFile { get; set; }

    public static ContractTermsForm From(ContractTerms terms) => new()
    {
        StartsOn = JalaliDate.FromDateOnly(terms.StartsOn).ToString(),
        TermMonths = terms.TermMonths.ToString(CultureInfo.InvariantCulture),
        FeePerFile = terms.FeePerFile.ToString(CultureInfo.InvariantCulture),
    };

    private static string Persian(long n) => TextNormalizer.ToPersianDigits(n.ToString(CultureInfo.InvariantCulture));

    /// <summary>The terms, or a message per failing field (keyed by property name).</summary>
    public (ContractTerms? Terms, IReadOnlyDictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        var starts = JalaliDate.Check(StartsOn);
        if (!starts.IsValid) errors[nameof(StartsOn)] = starts.Error!;
        // A sign or a fraction is refused, never dropped: "-3" is not 3 months.
        var term = Input.WholeNumber(TermMonths, 1, Contract.MaxTermMonths);
        if (!term.IsValid) errors[nameof(TermMonths)] = Messages.Format("Contract.TermRange", Persian(Contract.MaxTermMonths));
        var fee = Rial.Check(FeePerFile);
        if (!fee.IsValid) errors[nameof(FeePerFile)] = fee.Error!;
        else if (fee.Value.Value is < 1 or > Contract.MaxFeePerFile)
            errors[nameof(FeePerFile)] = Messages.Format("Contract.FeeRange", new Rial(Contract.MaxFeePerFile).ToPersianString());
        return errors.Count > 0 ? (null, errors) : (new ContractTerms(starts.Value.ToDateOnly(), term.Value, fee.Value.Value), errors);
    }
}
