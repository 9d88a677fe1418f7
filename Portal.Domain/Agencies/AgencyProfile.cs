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

    public static AgencyProfileForm From(Agency a) => new()
    {
        Name = a.Name, City = a.City, Address = a.Address, PostalCode = a.PostalCode, Phone = a.Phone,
        ManagerName = a.ManagerName, ManagerNationalId = a.ManagerNationalId, ManagerMobile = a.ManagerMobile,
        Sheba = a.Sheba, BankConfirmedOn = a.BankConfirmedOn is { } d ? JalaliDate.FromDateOnly(d).ToString() : null,
        BankLetterNo = a.BankLetterNo, Status = a.Status,
    };

    /// <summary>The profile, or a message per failing field (keyed by property name).</summary>
    public (AgencyProfile? Profile, IReadOnlyDictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        string Text(string field, string? value, int max)
        {
            var text = TextNormalizer.Normalize(value);
            if (text.Length == 0) errors[field] = Messages.Get("Field.Required");
            else if (text.Length > max) errors[field] = Messages.Format("Field.TooLong", max);
            return text;
        }
        string Valid(string field, Checked<string> check)
        {
            if (!check.IsValid) errors[field] = check.Error!;
            return check.Value ?? "";
        }

        var name = Text(nameof(Name), Name, 200);
        var city = Text(nameof(City), City, 100);
        var address = Text(nameof(Address), Address, 400);
        var postal = Valid(nameof(PostalCode), Common.PostalCode.Check(PostalCode));
        var phone = TextNormalizer.DigitsOnly(Phone);
        if (phone.Length != 11 || phone[0] != '0') errors[nameof(Phone)] = Messages.Get("Field.Phone");
        var manager = Text(nameof(ManagerName), ManagerName, 200);
        var nationalId = Valid(nameof(ManagerNationalId), NationalId.Check(ManagerNationalId));
        var mobile = Valid(nameof(ManagerMobile), Mobile.Check(ManagerMobile));
        string? sheba = string.IsNullOrWhiteSpace(Sheba) ? null : Valid(nameof(Sheba), Common.Sheba.Check(Sheba));
        DateOnly? confirmedOn = null;
        string? letter = TextNormalizer.Normalize(BankLetterNo) is { Length: > 0 } l ? l : null;
        if (!string.IsNullOrWhiteSpace(BankConfirmedOn))
        {
            var date = JalaliDate.Check(BankConfirmedOn);
            if (!date.IsValid) errors[nameof(BankConfirmedOn)] = date.Error!;
            else confirmedOn = date.Value.ToDateOnly();
            if (sheba is null) errors[nameof(Sheba)] = Messages.Get("Agency.ConfirmationNeedsSheba");
            if (letter is null) errors[nameof(BankLetterNo)] = Messages.Get("Agency.ConfirmationNeedsLetter");
        }
        else if (letter is not null) errors[nameof(BankConfirmedOn)] = Messages.Get("Agency.LetterNeedsDate");
        if (letter?.Length > 50) errors[nameof(BankLetterNo)] = Messages.Format("Field.TooLong", 50);
        if (!Enum.IsDefined(Status)) errors[nameof(Status)] = Messages.Get("Field.Required");

        return errors.Count > 0
            ? (null, errors)
            : (new AgencyProfile(name, city, address, postal, phone, manager, nationalId, mobile, sheba, confirmedOn, letter, Status), errors);
    }
}

/// <summary>Checks the people named on an agency: board members and training representatives.</summary>
public static class PersonRules
{
    public static Checked<BoardMemberInput> Check(BoardMemberInput input)
    {
        var name = TextNormalizer.Normalize(input.Name);
        var position = TextNormalizer.Normalize(input.Position);
        if (name.Length == 0) return Checked<BoardMemberInput>.Fail(Messages.Get("Person.NameRequired"));
        if (position.Length == 0) return Checked<BoardMemberInput>.Fail(Messages.Get("Person.PositionRequired"));
        var id = NationalId.Check(input.NationalId);
        return id.IsValid ? Checked<BoardMemberInput>.Ok(new(name, position, id.Value!)) : Checked<BoardMemberInput>.Fail(id.Error!);
    }

    public static Checked<RepresentativeInput> Check(RepresentativeInput input)
    {
        var name = TextNormalizer.Normalize(input.Name);
        if (name.Length == 0) return Checked<RepresentativeInput>.Fail(Messages.Get("Person.NameRequired"));
        var id = NationalId.Check(input.NationalId);
        if (!id.IsValid) return Checked<RepresentativeInput>.Fail(id.Error!);
        var mobile = Mobile.Check(input.Mobile);
        return mobile.IsValid ? Checked<RepresentativeInput>.Ok(new(name, id.Value!, mobile.Value!)) : Checked<RepresentativeInput>.Fail(mobile.Error!);
    }
}
