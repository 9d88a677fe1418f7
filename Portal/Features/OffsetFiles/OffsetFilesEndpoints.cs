using Portal.Documents;
using Portal.Domain.Common;
using Portal.Domain.OffsetFiles;
using Portal.Security;

namespace Portal.Features.OffsetFiles;

/// <summary>An offset file's papers as sent, the collection report, and the execution confirmations, as plain HTTP.</summary>
public static class OffsetFilesEndpoints
{
    public static IEndpointRouteBuilder MapOffsetFilesEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/offset").RequireAuthorization(Policies.OffsetFiles);
        // Outside the reader's scope (another province, a governor's draft) reads exactly like a file that does not exist.
        group.MapGet("/{id:int}/papers/{paper}", async (int id, OffsetPaper paper, OffsetBoard board, CancellationToken ct) =>
            await board.OpenPaperAsync(id, paper, ct) is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound());
        group.MapGet("/collection.xlsx", async (OffsetBoard board, OffsetCollectionSheets sheets, TimeProvider clock, CancellationToken ct) =>
        {
            var today = JalaliDate.Today(clock);
            return Results.File(sheets.Workbook(await board.CollectionAsync(ct), today), SheetLayout.ContentType,
                $"offset-collection-{today.ToString().Replace('/', '-')}.xlsx");
        }).RequireAuthorization(Policies.OffsetLists);

        // For the two offices' own systems, and what the concurrency test races. A JSON body cannot be posted
        // cross-site without CORS, so the sign-in cookie alone does not let another site confirm.
        app.MapPost("/api/v1/offset/agreements/{id:int}/confirmations", ConfirmAsync).RequireAuthorization(Policies.OffsetFiles);
        return app;
    }

    public sealed record Confirmation(Guid Version);

    /// <summary>The acting side's confirmation: 200 saying whether it posted the settlement, or the refusal in Persian.</summary>
    private static async Task<IResult> ConfirmAsync(int id, Confirmation body, OffsetLedger ledger, CancellationToken ct)
    {
        try
        {
            var posted = await ledger.ConfirmAsync(id, body.Version, ct);
            return Results.Ok(new { posted = posted is not null, amount = posted?.Amount });
        }
        catch (DomainException e)
        {
            var status = e.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden
                : e.Key == "Offset.NotFound" ? StatusCodes.Status404NotFound
                : StatusCodes.Status409Conflict;
            return Results.Json(new { error = e.Message }, statusCode: status);
        }
    }
}
