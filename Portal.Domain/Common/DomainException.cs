namespace Portal.Domain.Common;

/// <summary>Why a command was refused: what was asked is wrong, or the acting role may not ask it at all.</summary>
public enum RefusalKind { Invalid, Forbidden }

/// <summary>
/// A rule refused a command. The message is already in the user's language (from <see cref="Messages"/>), so pages
/// show it as it is; nothing was saved.
/// </summary>
public sealed class DomainException(string message) : Exception(message)
{
    /// <summary>The message's key, when it has one: endpoints that redirect back to a page pass the key, not the text.</summary>
    public string? Key { get; internal init; }

    /// <summary>Forbidden when the role does not hold the act (an endpoint answers 403); Invalid otherwise.</summary>
    public RefusalKind Kind { get; internal init; }

    internal static DomainException Of(string messageKey, params object[] args) =>
        new(args.Length == 0 ? Messages.Get(messageKey) : Messages.Format(messageKey, args)) { Key = messageKey };

    /// <summary>The acting role does not hold the permission the command needs (see <see cref="Security.Permissions"/>).</summary>
    internal static DomainException Forbidden(string messageKey) =>
        new(Messages.Get(messageKey)) { Key = messageKey, Kind = RefusalKind.Forbidden };

    /// <summary>The text of a message key without arguments in the user's language; null for a key that does not exist.</summary>
    public static string? TextOf(string key) => Messages.ResourceManager.GetString(key, System.Globalization.CultureInfo.CurrentUICulture);
}
