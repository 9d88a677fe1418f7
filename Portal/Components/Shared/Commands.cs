using MudBlazor;
using Portal.Domain.Common;

namespace Portal.Components.Shared;

/// <summary>
/// Runs a page's command: a rule's refusal is shown as it is worded (in the user's language), success as a short note
/// that names the act. A success clears earlier refusals, so an old error never lingers beside it.
/// </summary>
public static class Commands
{
    public static async Task<bool> TryAsync(this ISnackbar snackbar, Func<Task> command, string? done = null)
    {
        try
        {
            await command();
            foreach (var shown in snackbar.ShownSnackbars.Where(s => s.Severity == Severity.Error).ToList()) snackbar.Remove(shown);
            if (done is not null) snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (DomainException e)
        {
            snackbar.Add(e.Message, Severity.Error);
            return false;
        }
    }
}
