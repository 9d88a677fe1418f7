using Portal.Domain.Common;

namespace Portal.Domain.Users;

/// <summary>
/// What the general office types: for new accounts one line per person (name, national ID, branch, role, mobile); to disable,
/// the accounts chosen and why. Letter variants and Persian/Arabic digits are normalised; each wrong value is refused with a
/// message under its own field, keyed <c>People[i].Field</c>, <see cref="Note"/> or <see cref="Accounts"/>.
/// </summary>
public sealed class AccountRequestForm
{
    public AccountRequestKind Kind { get; set; } = AccountRequestKind.Create;
    public string? Note { get; set; }
    public List<Person> People { get; set; } = [new()];
    /// <summary>For a disable request: the ids of the accounts to disable.</summary>
    public List<string> Accounts { get; set; } = [];

    public sealed class Person
    {
        public string? FullName { get; set; }
        public string? NationalId { get; set; }
        public int? BranchId { get; set; }
        public string? Role { get; set; }
        public string? Mobile { get; set; }
    }

    public sealed record ValidPerson(int Index, string FullName, string NationalId, int BranchId, string Role, string Mobile);

    public sealed record Valid(AccountRequestKind Kind, string? Note, IReadOnlyList<ValidPerson> People, IReadOnlyList<string> Accounts);

    public static string Field(int index, string name) => $"{nameof(People)}[{index}].{name}";

    /// <summary>The checks that need no database; the desk adds those that do (branch of the province, existing accounts).</summary>
    public (Valid? Value, Dictionary<string, string> Errors) Validate()
    {
        var errors = new Dictionary<string, string>();
        var note = Input.Text(Note, TextLength.Reason, required: Kind == AccountRequestKind.Disable);
        if (!note.IsValid) errors[nameof(Note)] = Kind == AccountRequestKind.Disable && note.Error == Messages.Get("Field.Required")
            ? Messages.Get("AccountRequests.DisableReasonRequired") : note.Error!;
        var people = new List<ValidPerson>();
        if (Kind == AccountRequestKind.Create)
        {
            if (People.Count == 0) errors[nameof(People)] = Messages.Get("AccountRequests.NoLines");
            if (People.Count > AccountRequest.MaxLines) errors[nameof(People)] = Messages.Format("AccountRequests.TooManyLines", TextNormalizer.ToPersianDigits(AccountRequest.MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var seen = new HashSet<string>();
            for (var i = 0; i < People.Count; i++)
            {
                var p = People[i];
                var name = Input.Text(p.FullName, TextLength.Name);
                if (!name.IsValid) errors[Field(i, nameof(Person.FullName))] = name.Error!;
                var id = NationalId.Check(p.NationalId);
                if (!id.IsValid) errors[Field(i, nameof(Person.NationalId))] = id.Error!;
                else if (!seen.Add(id.Value!)) errors[Field(i, nameof(Person.NationalId))] = Messages.Get("AccountRequests.NationalIdTwice");
                if (p.BranchId is null) errors[Field(i, nameof(Person.BranchId))] = Messages.Get("AccountRequests.BranchRequired");
                if (p.Role is null || !AccountRequestLine.BranchRoles.Contains(p.Role)) errors[Field(i, nameof(Person.Role))] = Messages.Get("AccountRequests.RoleRequired");
                var mobile = Common.Mobile.Check(p.Mobile);
                if (!mobile.IsValid) errors[Field(i, nameof(Person.Mobile))] = mobile.Error!;
                if (name.IsValid && id.IsValid && p.BranchId is int branch && mobile.IsValid && p.Role is { } role)
                    people.Add(new ValidPerson(i, name.Value!, id.Value!, branch, role, mobile.Value!));
            }
        }
        var accounts = Accounts.Distinct().ToList();
        if (Kind == AccountRequestKind.Disable)
        {
            if (accounts.Count == 0) errors[nameof(Accounts)] = Messages.Get("AccountRequests.NoAccountsChosen");
            else if (accounts.Count > AccountRequest.MaxLines) errors[nameof(Accounts)] = Messages.Format("AccountRequests.TooManyLines", TextNormalizer.ToPersianDigits(AccountRequest.MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return errors.Count > 0 ? (null, errors) : (new Valid(Kind, note.Value is { Length: > 0 } n ? n : null, people, accounts), errors);
    }
}
