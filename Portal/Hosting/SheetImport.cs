using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Localization;
using Portal.Domain.Agencies;
using Portal.Domain.Common;

namespace Portal.Hosting;

/// <summary>
/// An uploaded workbook's import, the same for every import page: all rows are written or none. An empty or oversized
/// file, a sheet its reader refuses (the import's row 0) or the domain's refusal goes back to the page as a message; rows
/// in error come back as the uploaded workbook with its errors column, kept for the uploader for 30 minutes
/// (<see cref="ImportFailures"/>). The page reads the outcome from the address it is sent back to.
/// </summary>
public static class SheetImport
{
    public const long MaxBytes = 10 * 1024 * 1024;

    // The file plus the form's token and multipart boundaries; anything over it is read no further and refused politely.
    private const long RequestLimit = MaxBytes + 1024 * 1024;

    /// <param name="import">Reads and imports the uploaded workbook.</param>
    /// <param name="withErrors">The uploaded workbook with the rows' errors written in.</param>
    /// <param name="done">Where a written sheet goes back to.</param>
    /// <param name="failed">Where a refused one goes back to, with the kept failure's id and how many rows failed (0: the sheet as a whole).</param>
    public static async Task<IResult> ImportAsync(HttpContext http, ImportFailures failures, IStringLocalizer<Strings> L,
        Func<MemoryStream, Task<ImportResult>> import, Func<MemoryStream, ImportResult, byte[]> withErrors,
        Func<ImportResult, string> done, Func<string, int, string> failed, CancellationToken ct)
    {
        var user = http.User.Identity!.Name!;
        IResult Refuse(string message) => Results.LocalRedirect(failed(failures.Keep(user, new(message, null)), 0));

        // Read by hand, not bound: a bound form over the limit fails before the handler runs, as an English 400.
        var (form, outcome) = await UploadForm.ReadAsync(http, http.RequestServices.GetRequiredService<IAntiforgery>(), RequestLimit, ct);
        if (outcome == UploadForm.Outcome.BadToken) return Refusals.Result(StatusCodes.Status400BadRequest, L["Request.FormExpired"]);
        if (outcome == UploadForm.Outcome.TooLarge) return Refuse(L["Import.TooLarge"]);
        var file = form!.Files.GetFile("file");
        if (file is null || file.Length == 0) return Refuse(L["Import.NoFile"]);
        if (file.Length > MaxBytes) return Refuse(L["Import.TooLarge"]);
        using var upload = new MemoryStream((int)file.Length);
        await file.CopyToAsync(upload, ct);
        ImportResult result;
        try { result = await import(upload); }
        catch (DomainException e) { return Refuse(e.Message); }
        if (result.Succeeded) return Results.LocalRedirect(done(result));

        var sheetMessage = result.Errors.TryGetValue(0, out var general) ? string.Join(" ", general) : null;
        var failingRows = result.Errors.Keys.Count(row => row > 0);
        if (failingRows == 0) return Refuse(sheetMessage!);
        return Results.LocalRedirect(failed(failures.Keep(user, new(sheetMessage, withErrors(upload, result))), failingRows));
    }

    /// <summary>A sheet its reader refused, as the import's sheet-level error (row 0).</summary>
    public static ImportResult Refused(string error) => new(0, 0, new Dictionary<int, IReadOnlyList<string>> { [0] = [error] });
}

/// <summary>
/// A failed import's outcome, kept for the user who uploaded it for 30 minutes: the annotated workbook to download
/// and any message about the sheet as a whole. Another user asking for the same id finds nothing.
/// </summary>
public sealed partial class ImportFailures(IMemoryCache cache)
{
    public sealed record Failure(string? Message, byte[]? Workbook);

    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(30);

    public string Keep(string userName, Failure failure)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(id, userName), failure, KeptFor);
        return id;
    }

    public Failure? Find(string? id, string? userName) =>
        id is not null && userName is not null && IdPattern().IsMatch(id) ? cache.Get<Failure>(Key(id, userName)) : null;

    private static string Key(string id, string userName) => $"sheet-import:{id}:{userName}";

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex IdPattern();
}
