using MudBlazor;

namespace Portal.Components.Shared;

/// <summary>
/// A page's commands, one at a time. While one runs, <see cref="Running"/> is true and the page disables its buttons;
/// a refusal is shown as it is worded, success as a note that names the act; the page reloads either way, so it shows
/// the record as it now stands.
/// </summary>
public sealed class PageCommand
{
    /// <summary>Also set by a child component that runs a command on the page's behalf.</summary>
    public bool Running { get; set; }

    /// <summary>
    /// Runs <paramref name="command"/>, then <paramref name="reload"/>; on success shows <paramref name="done"/>, read after
    /// the reload so that it may name what the command changed (null: no note). True when the command succeeded.
    /// </summary>
    public async Task<bool> RunAsync(ISnackbar snackbar, Func<Task> command, Func<string?>? done = null, Func<Task>? reload = null)
    {
        Running = true;
        try
        {
            var succeeded = await snackbar.TryAsync(command);
            if (reload is not null) await reload();
            if (succeeded && done?.Invoke() is { } note) snackbar.Add(note, Severity.Success);
            return succeeded;
        }
        finally
        {
            Running = false;
        }
    }

    public Task<bool> RunAsync(ISnackbar snackbar, Func<Task> command, string done, Func<Task>? reload = null) =>
        RunAsync(snackbar, command, () => done, reload);

    /// <summary>Keeps the page busy while <paramref name="work"/> runs: a form whose answer or errors the page shows itself.</summary>
    public async Task WhileAsync(Func<Task> work)
    {
        Running = true;
        try
        {
            await work();
        }
        finally
        {
            Running = false;
        }
    }
}
