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
        var name = Input.Text(EmployerName, TextLength.Name);
        if (!name.IsValid) errors[nameof(EmployerName)] = name.Error!;
        var id = LegalEntityId.CheckPersonOrCompany(EmployerNationalId);
        if (!id.IsValid) errors[nameof(EmployerNationalId)] = id.Error!;
        var debt = OffsetAmount.Check(Debt);
        if (!debt.IsValid) errors[nameof(Debt)] = debt.Error!;
        var (first, last) = Periods.Read(FirstPeriod, LastPeriod, errors);
        if (last is { Year: >= DebtorWorkshop.FirstYearExcluded })
            errors[nameof(LastPeriod)] = Messages.Format("Offset.DebtPeriodTooLate", TextNormalizer.ToPersianDigits(DebtorWorkshop.FirstYearExcluded.ToString()));
        return errors.Count > 0 ? (null, errors) : (new DebtorWorkshop(provinceId, code, name.Value!, id.Value!, debt.Value, first!.Value, last!.Value), errors);
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
        var amount = OffsetAmount.Check(Amount);
        if (!amount.IsValid) errors[nameof(Amount)] = amount.Error!;
        var (first, last) = Periods.Read(FirstPeriod, LastPeriod, errors);
        return errors.Count > 0 ? null : (amount.Value, first!.Value, last!.Value);
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

/// <summary>
/// A seized asset as typed: kind, description, estimated value in Rials, seizure date (Jalali, not after
/// <c>today</c>: a seizure is something that happened) and reference.
/// </summary>
public sealed class AssetForm
{
    public AssetKind? Kind { get; set; }
    public string? Description { get; set; }
    public string? Value { get; set; }
    public string? SeizedOn { get; set; }
    public string? Reference { get; set; }

    public (AssetKind Kind, string Description, long Value, DateOnly SeizedOn, string Reference)? Validate(Dictionary<string, string> errors, DateOnly today)
    {
        if (Kind is null) errors[nameof(Kind)] = Messages.Get("Field.Required");
        var description = Input.Text(Description, TextLength.Address);
        if (!description.IsValid) errors[nameof(Description)] = description.Error!;
        var value = OffsetAmount.Check(Value, allowZero: true);
        if (!value.IsValid) errors[nameof(Value)] = value.Error!;
        var seizedOn = Input.PastDate(SeizedOn, today);
        if (!seizedOn.IsValid) errors[nameof(SeizedOn)] = seizedOn.Error!;
        var reference = Input.Text(Reference, TextLength.Name, required: false);
        if (!reference.IsValid) errors[nameof(Reference)] = reference.Error!;
        return errors.Count > 0 ? null : (Kind!.Value, description.Value!, value.Value, seizedOn.Value, reference.Value!);
    }
}

/// <summary>A meeting at the governor's office as typed: its date (not after <c>today</c>), who attended, the minutes.</summary>
public sealed class MeetingForm
{
    public string? HeldOn { get; set; }
    public string? Attendees { get; set; }
    public string? Minutes { get; set; }

    public (DateOnly HeldOn, string Attendees, string Minutes)? Validate(Dictionary<string, string> errors, DateOnly today)
    {
        var heldOn = Input.PastDate(HeldOn, today);
        if (!heldOn.IsValid) errors[nameof(HeldOn)] = heldOn.Error!;
        var attendees = Input.Text(Attendees, TextLength.Reason);
        if (!attendees.IsValid) errors[nameof(Attendees)] = attendees.Error!;
        var minutes = Input.Text(Minutes, TextLength.Notes, required: false);
        if (!minutes.IsValid) errors[nameof(Minutes)] = minutes.Error!;
        return errors.Count > 0 ? null : (heldOn.Value, attendees.Value!, minutes.Value!);
    }
}

/// <summary>
/// An amount of the offset process in whole Rials: above zero (an asset's estimate may be zero) and at most
/// <see cref="Max"/>, so that a file's totals can never overflow. Anything else is refused with a message, never changed.
/// </summary>
public static class OffsetAmount
{
    /// <summary>A thousand trillion Rials: far above any one debt, claim or asset, and a file's sum stays far inside a long.</summary>
    public const long Max = 1_000_000_000_000_000;

    public static Checked<long> Check(string? raw, bool allowZero = false)
    {
        var rial = Rial.Check(raw);
        if (!rial.IsValid) return Checked<long>.Fail(rial.Error!);
        var value = rial.Value.Value;
        if (value <= 0 && !(allowZero && value == 0)) return Checked<long>.Fail(Messages.Get("Offset.AmountPositive"));
        return value > Max ? Checked<long>.Fail(Messages.Format("Offset.AmountTooLarge", Format(Max))) : Checked<long>.Ok(value);
    }

    /// <summary>An amount as a message shows it: Persian digits with «٬» (the messages' own language), 1,234 in English.</summary>
    public static string Format(long amount)
    {
        var text = amount.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture);
        return English ? text : TextNormalizer.ToPersianDigits(text).Replace(',', '\u066C');
    }

    /// <summary>Text inside a message (a code, a file number): Persian digits unless the reader reads English.</summary>
    public static string Shown(string text) => English ? text : TextNormalizer.ToPersianDigits(text);

    private static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
}
