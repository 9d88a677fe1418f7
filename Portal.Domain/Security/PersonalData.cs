namespace Portal.Domain.Security;

/// <summary>The personal fields of people named in the portal (agency managers, board members, representatives, employers).</summary>
public enum PersonalField { NationalId, Mobile }

/// <summary>How much of a personal field a role gets: all of it, its last four digits, or nothing.</summary>
public enum Disclosure { Hidden, LastFour, Full }

/// <summary>
/// Who may read which personal field: the one table every read model applies when it builds its rows, so a field a role
/// may not read is never in what a page or an export receives. Offices that register, contract, train and supervise the
/// agencies (and the agency itself) read them whole. The call centre serves callers: it confirms a manager by the last
/// four digits of the mobile and never needs a national ID. The governor's office is outside the organisation and
/// reads none. Any other role, and any role added later, reads none until it is given a line here (fail closed).
/// </summary>
public sealed class PersonalData
{
    private readonly Disclosure _nationalId, _mobile;

    private PersonalData(Disclosure nationalId, Disclosure mobile) => (_nationalId, _mobile) = (nationalId, mobile);

    private static readonly PersonalData Whole = new(Disclosure.Full, Disclosure.Full);
    private static readonly PersonalData None = new(Disclosure.Hidden, Disclosure.Hidden);

    public static PersonalData For(string? role) => role switch
    {
        Roles.SystemAdmin or Roles.HeadOffice or Roles.RegistrationOffice or Roles.GeneralOffice or Roles.GeneralOfficeDirector
            or Roles.TreatmentDirectorate or Roles.ReviewOffice or Roles.AgencyManager or Roles.AgencyUser => Whole,
        Roles.CallCenter => new(Disclosure.Hidden, Disclosure.LastFour),
        _ => None,
    };

    public Disclosure Of(PersonalField field) => field == PersonalField.NationalId ? _nationalId : _mobile;

    /// <summary>Whether every personal field is read whole, so a record can be shown as it is stored.</summary>
    public bool IsWhole => _nationalId == Disclosure.Full && _mobile == Disclosure.Full;

    /// <summary>The value as this role may read it: whole, «•••••••4567», or null (the page shows nothing, not even the label's value).</summary>
    public string? Show(PersonalField field, string? value) => string.IsNullOrEmpty(value) ? value : Of(field) switch
    {
        Disclosure.Full => value,
        Disclosure.LastFour when value.Length > 4 => new string('•', value.Length - 4) + value[^4..],
        _ => null,
    };

    public string? NationalId(string? value) => Show(PersonalField.NationalId, value);

    public string? Mobile(string? value) => Show(PersonalField.Mobile, value);
}
