using Portal.Domain.Common;

namespace Portal.Domain.Agencies;

/// <summary>An agency's profile after validation: normalised, every identifier checked.</summary>
public sealed record AgencyProfile(
    string Name, string City, string Address, string PostalCode, string Phone,
    string ManagerName, string ManagerNationalId, string ManagerMobile,
    string? Sheba, DateOnly? BankConfirmedOn, string? BankLetterNo, AgencyStatus Status);

/// <summary>
/// An agency's profile as typed in a form or read from an import row. <see cref="Validate"/> checks every field
/// and names the field in each message; the same rules serve the edit form and the Excel import.
/// </summary>
public sealed class AgencyProfileForm
{
    public string? Name { get; set; }
    public string? City { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? Phone { get; set; }
    public string? ManagerName { get; set; }
    public string? ManagerNationalId { get; set; }
    public string? ManagerMobile { get; set; }
    public string? Sheba { get; set; }
    public string? BankConfirmedOn { get; set; }
    public string? BankLetterNo { get; set; }
    public AgencyStatus Status { get; set; } = AgencyStatus.Active;

    /// <summary>A city's name: shorter than <see cref="TextLength.Name"/>, as the agency lists print it in one cell.</summary>
    public const int MaxCityLength = 100;

    /// <summary>The bank's letter number (e.g. «۴۵/۱۲۳/ص»).</summary>
    public const int MaxLetterNoLength = 50;

    public static AgencyProfileForm From(Agency a) => new()
    {
        Name = a.Name, City = a.City, Address = a.Address, PostalCode = a.PostalCode, Phone = a.Phone,
        ManagerName = a.ManagerName, ManagerNationalId = a.ManagerNationalId, ManagerMobile = a.ManagerMobile,
        Sheba = a.Sheba, BankConfirmedOn = a.BankConfirmedOn is { } d ? JalaliDate.FromDateOnly(d).ToString() : null,
        BankLetterNo = a.BankLetterNo, Status = a.Status,
    };

    /// <summary>
    /// The profile, or a message per failing field (keyed by property name). The bank's confirmation is something
    /// that happened: its date may not be after <paramref name="today"/> (Tehran).
    /// </summary>
    public (AgencyProfile? Profile, IReadOnlyDictionary<string, string> Errors) Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        string Text(string field, string? value, int max, bool required = true)
        {
            var text = Input.Text(value, max, required);
            if (!text.IsValid) errors[field] = text.Error!;
            return text.Value ?? TextNormalizer.Normalize(value);
        }
        string Valid(string field, Checked<string> check)
        {
            if (!check.IsValid) errors[field] = check.Error!;
            return check.Value ?? "";
        }

        var name = Text(nameof(Name), Name, TextLength.Name);
        var city = Text(nameof(City), City, MaxCityLength);
        var address = Text(nameof(Address), Address, TextLength.Address);
        var postal = Valid(nameof(PostalCode), Common.PostalCode.Check(PostalCode));
        var phone = TextNormalizer.DigitsOnly(Phone);
        if (phone.Length != 11 || phone[0] != '0') errors[nameof(Phone)] = Messages.Get("Field.Phone");
        var manager = Text(nameof(ManagerName), ManagerName, TextLength.Name);
        var nationalId = Valid(nameof(ManagerNationalId), NationalId.Check(ManagerNationalId));
        var mobile = Valid(nameof(ManagerMobile), Mobile.Check(ManagerMobile));
        string? sheba = string.IsNullOrWhiteSpace(Sheba) ? null : Valid(nameof(Sheba), Common.Sheba.Check(Sheba));
        DateOnly? confirmedOn = null;
        string? letter = Text(nameof(BankLetterNo), BankLetterNo, MaxLetterNoLength, required: false) is { Length: > 0 } l ? l : null;
        if (!string.IsNullOrWhiteSpace(BankConfirmedOn))
        {
            var date = Input.PastDate(BankConfirmedOn, today);
            if (!date.IsValid) errors[nameof(BankConfirmedOn)] = date.Error!;
            else confirmedOn = date.Value;
            if (sheba is null) errors[nameof(Sheba)] = Messages.Get("Agency.ConfirmationNeedsSheba");
            if (letter is null) errors[nameof(BankLetterNo)] = Messages.Get("Agency.ConfirmationNeedsLetter");
        }
        else if (letter is not null) errors[nameof(BankConfirmedOn)] = Messages.Get("Agency.LetterNeedsDate");
        if (!Enum.IsDefined(Status)) errors[nameof(Status)] = Messages.Get("Field.Required");

        return errors.Count > 0
            ? (null, errors)
            : (new AgencyProfile(name, city, address, postal, phone, manager, nationalId, mobile, sheba, confirmedOn, letter, Status), errors);
    }
}

/// <summary>Checks the people named on an agency: board members and training representatives.</summary>
public static class PersonRules
{
    /// <summary>A board member's position ("مدیرعامل", "عضو هیئت‌مدیره").</summary>
    public const int MaxPositionLength = 100;

    private static string Labelled(string fieldKey, string error) => FieldCheck.Refusal(fieldKey, error).Message;

    public static Checked<BoardMemberInput> Check(BoardMemberInput input)
    {
        var name = TextNormalizer.Normalize(input.Name);
        var position = TextNormalizer.Normalize(input.Position);
        if (name.Length == 0) return Checked<BoardMemberInput>.Fail(Messages.Get("Person.NameRequired"));
        if (position.Length == 0) return Checked<BoardMemberInput>.Fail(Messages.Get("Person.PositionRequired"));
        if (Input.Text(name, TextLength.Name) is { IsValid: false } longName) return Checked<BoardMemberInput>.Fail(Labelled("Person.NameField", longName.Error!));
        if (Input.Text(position, MaxPositionLength) is { IsValid: false } longPosition) return Checked<BoardMemberInput>.Fail(Labelled("Person.PositionField", longPosition.Error!));
        var id = NationalId.Check(input.NationalId);
        return id.IsValid ? Checked<BoardMemberInput>.Ok(new(name, position, id.Value!)) : Checked<BoardMemberInput>.Fail(id.Error!);
    }

    public static Checked<RepresentativeInput> Check(RepresentativeInput input)
    {
        var name = TextNormalizer.Normalize(input.Name);
        if (name.Length == 0) return Checked<RepresentativeInput>.Fail(Messages.Get("Person.NameRequired"));
        if (Input.Text(name, TextLength.Name) is { IsValid: false } longName) return Checked<RepresentativeInput>.Fail(Labelled("Person.NameField", longName.Error!));
        var id = NationalId.Check(input.NationalId);
        if (!id.IsValid) return Checked<RepresentativeInput>.Fail(id.Error!);
        var mobile = Mobile.Check(input.Mobile);
        return mobile.IsValid ? Checked<RepresentativeInput>.Ok(new(name, id.Value!, mobile.Value!)) : Checked<RepresentativeInput>.Fail(mobile.Error!);
    }
}
