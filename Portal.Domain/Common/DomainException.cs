namespace Portal.Domain.Common;

/// <summary>
/// A rule refused a command. The message is already in the user's language (from <see cref="Messages"/>), so pages
/// show it as it is; nothing was saved.
/// </summary>
public sealed class DomainException(string message) : Exception(message)
{
    internal static DomainException Of(string messageKey, params object[] args) =>
        new(args.Length == 0 ? Messages.Get(messageKey) : Messages.Format(messageKey, args));
}
