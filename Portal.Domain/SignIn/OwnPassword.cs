using Microsoft.AspNetCore.Identity;
using Portal.Domain.Users;

namespace Portal.Domain.SignIn;

/// <summary>
/// A user choosing their own password. Identity's rules (length, unique characters) apply; a wrong current password
/// counts towards the account's lockout like a failed sign-in. Success renews the security stamp, which ends the
/// user's other sessions, and clears a forced change. Errors are per field, as message keys (<c>Password.*</c>).
/// </summary>
public sealed class OwnPassword(UserManager<PortalUser> users, TimeProvider clock)
{
    /// <summary>Long enough for any passphrase; beyond it hashing is only work for an attacker to cause.</summary>
    public const int MaxLength = 128;

    public sealed record Form(string? Current, string? New, string? Repeat);

    public static class Field
    {
        public const string Current = nameof(Form.Current), New = nameof(Form.New), Repeat = nameof(Form.Repeat);
    }

    /// <summary>Changes the password; the errors by field, empty on success.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChangeAsync(PortalUser user, Form form)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(form.Current)) errors[Field.Current] = "Password.CurrentRequired";
        if (string.IsNullOrEmpty(form.New)) errors[Field.New] = "Password.NewRequired";
        else if (form.New.Length > MaxLength) errors[Field.New] = "Password.TooLong";
        else if (form.New == form.Current) errors[Field.New] = "Password.SameAsCurrent";
        if (form.New != form.Repeat) errors[Field.Repeat] = "Password.RepeatMismatch";
        if (errors.Count > 0) return errors;
        if (await users.IsLockedOutAsync(user)) return new Dictionary<string, string> { [Field.Current] = "Password.LockedOut" };

        var result = await users.ChangePasswordAsync(user, form.Current!, form.New!);
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user);
            user.PasswordChosen(clock.GetUtcNow());
            await users.UpdateAsync(user); // its audit entry is the record of the act
            return errors;
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(user);
            errors[Field.Current] = "Password.WrongCurrent";
        }
        else errors[Field.New] = result.Errors.Select(e => e.Code).FirstOrDefault() switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => "Password.TooShort",
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Password.TooSimple",
            _ => "Password.Invalid",
        };
        return errors;
    }
}
