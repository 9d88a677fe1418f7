using Portal.Domain.Common;

namespace Portal.Domain.OffsetFiles;

/// <summary>A debtor workshop as typed on the page or read from a sheet; <see cref="Validate"/> names each failing field.</summary>
public sealed class DebtorForm
{
    public string? WorkshopCode { get; set; }
    public string? EmployerName { get; set; }
    public string? EmployerNationalId { get; set; }
    public string? Debt { get; set; }
    /// <summary>The first and last months of the debt, as 1392/01.</summary>
    public string? FirstPeriod { get; set; }
    public string? LastPeriod { get; set; }

    public (DebtorWorkshop? Workshop, IReadOnlyDictionary<string, string> Errors) Validate(int provinceId)
    {
        var errors = new Dictionary<string, string>();
        var code = TextNormalizer.DigitsOnly(WorkshopCode);
        if (code.Length is < 5 or > 12 || !TextNormalizer.IsAsciiDigits(code)) errors[nameof(WorkshopCode)] = Messages.Get("Offset.WorkshopCodeFormat");
        var name = TextNormalizer.Normalize(EmployerName);
        if (name.Length == 0) errors[nameof(EmployerName)] = Messages.Get("Field.Required");
        var id = LegalEntityId.CheckPersonOrCompany(EmployerNationalId);
        if (!id.IsValid) errors[nameof(EmployerNationalId)] = id.Error!;
        var debt = Rial.Check(Debt);
        if (!debt.IsValid) errors[nameof(Debt)] = debt.Error!;
        else if (debt.Value.Value <= 0) errors[nameof(Debt)] = Messages.Get("Offset.AmountPositive");
        var (first, last) = Periods.Read(FirstPeriod, LastPeriod, errors);
        if (last is { Year: >= DebtorWorkshop.FirstYearExcluded })
            errors[nameof(LastPeriod)] = Messages.Format("Offset.DebtPeriodTooLate", TextNormalizer.ToPersianDigits(DebtorWorkshop.FirstYearExcluded.ToString()));
        return errors.Count > 0 ? (null, errors) : (new DebtorWorkshop(provinceId, code, name, id.Value!, debt.Value.Value, first!.Value, last!.Value), errors);
    }
}

/// <summary>A medical centre's outstanding claim as typed: the centre's code, the amount and its months.</summary>
public sealed class ClaimForm
{
    public string? CenterCode { get; set; }
    public string? Amount { get; set; }
    public string? FirstPeriod { get; set; }
    public string? LastPeriod { get; set; }

    public (long Amount, JalaliMonth First, JalaliMonth Last)? Validate(Dictionary<string, string> errors)
    {
        var amount = Rial.Check(Amount);
        if (!amount.IsValid) errors[nameof(Amount)] = amount.Error!;
        else if (amount.Value.Value <= 0) errors[nameof(Amount)] = Messages.Get("Offset.AmountPositive");
        var (first, last) = Periods.Read(FirstPeriod, LastPeriod, errors);
        return errors.Count > 0 ? null : (amount.Value.Value, first!.Value, last!.Value);
    }
}

internal static class Periods
{
    public static (JalaliMonth? First, JalaliMonth? Last) Read(string? firstText, string? lastText, Dictionary<string, string> errors)
    {
        JalaliMonth? first = JalaliMonth.TryParse(TextNormalizer.Normalize(firstText), out var f) ? f : null;
        JalaliMonth? last = JalaliMonth.TryParse(TextNormalizer.Normalize(lastText), out var l) ? l : null;
        if (first is null) errors["FirstPeriod"] = Messages.Get("Offset.PeriodFormat");
        if (last is null) errors["LastPeriod"] = Messages.Get("Offset.PeriodFormat");
        else if (first > last) errors["LastPeriod"] = Messages.Get("Offset.PeriodsReversed");
        return (first, last);
    }
}

/// <summary>A seized asset as typed: kind, description, estimated value in Rials, seizure date (Jalali) and reference.</summary>
public sealed class AssetForm
{
    public AssetKind? Kind { get; set; }
    public string? Description { get; set; }
    public string? Value { get; set; }
    public string? SeizedOn { get; set; }
    public string? Reference { get; set; }

    public (AssetKind Kind, string Description, long Value, DateOnly SeizedOn, string Reference)? Validate(Dictionary<string, string> errors)
    {
        if (Kind is null) errors[nameof(Kind)] = Messages.Get("Field.Required");
        var description = TextNormalizer.Normalize(Description);
        if (description.Length == 0) errors[nameof(Description)] = Messages.Get("Field.Required");
        var value = Rial.Check(Value);
        if (!value.IsValid) errors[nameof(Value)] = value.Error!;
        if (!JalaliDate.TryParse(TextNormalizer.Normalize(SeizedOn), out var seizedOn)) errors[nameof(SeizedOn)] = Messages.Get("Offset.DateFormat");
        return errors.Count > 0 ? null : (Kind!.Value, description, value.Value.Value, seizedOn.ToDateOnly(), TextNormalizer.Normalize(Reference));
    }
}
