using Portal.Domain.Common;

namespace Portal.Domain.OffsetFiles;

/// <summary>
/// The papers a sent file carries to the governor (seed 001 §3): the director-general's cover letter as PDF and the
/// debtors' and claims' lists as Excel. The host supplies the engines (headless Chromium, ClosedXML).
/// </summary>
public interface IOffsetPapers
{
    /// <summary>False on a machine without the PDF engine: sending is refused before anything changes.</summary>
    bool IsAvailable { get; }

    Task<byte[]> CoverLetterAsync(OffsetCoverLetter letter, CancellationToken ct = default);

    /// <summary>The debtors with their remaining debts, and a second sheet of the assets seized from them.</summary>
    byte[] DebtorsSheet(OffsetCoverLetter letter, IReadOnlyList<OffsetBoard.DebtorRow> debtors, IReadOnlyList<OffsetBoard.AssetRow> assets);

    byte[] ClaimsSheet(OffsetCoverLetter letter, IReadOnlyList<OffsetBoard.ClaimRow> claims);
}

/// <summary>
/// What the cover letter says: its number and date, to whom, the file's totals as they stand when it is sent, and the
/// director-general who signs it (<see cref="Signatory"/>; empty when the general office has no head recorded).
/// </summary>
public sealed record OffsetCoverLetter(string Number, JalaliDate Date, string ProvinceFa, string Title, string Signatory,
    int Debtors, long DebtTotal, int Assets, long AssetsValue, int Claims, long ClaimTotal, string VerificationCode)
{
    /// <summary>The circular this process follows (seed 001), and the one the two sides execute agreements under.</summary>
    public const string Circular = "1000/98/10704";
    public const string CircularDate = "1398/08/27";
    public const string ExecutionCircular = "1000/97/14652";
    public const string ExecutionCircularDate = "1397/12/20";

    /// <summary>The file's number: province code, Jalali year of sending, file id (unique, as the id is).</summary>
    public static string NumberFor(string provinceCode, JalaliDate sentOn, int fileId) => $"{provinceCode}/{sentOn.Year}/{fileId}";
}

/// <summary>The stored papers of a sent file, by their SHA-256 in the file store.</summary>
public sealed record OffsetFilePapers(string CoverLetterSha256, string DebtorsSheetSha256, string ClaimsSheetSha256);
