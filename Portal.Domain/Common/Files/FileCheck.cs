namespace Portal.Domain.Common.Files;

/// <summary>What a stored file was found to be: its content no longer hashes to its name, or it is gone.</summary>
public enum FileProblem
{
    Changed = 1,
    Missing = 2,
}

/// <summary>
/// One pass of the integrity check over every file the database refers to: each is re-hashed and compared with the
/// SHA-256 it is stored under. The findings of the latest finished pass are what the health check and the page report.
/// </summary>
public sealed class FileCheck
{
    private readonly List<FileCheckFinding> _findings = [];

    private FileCheck() { }

    public FileCheck(DateTimeOffset startedAt) => StartedAt = startedAt;

    public int Id { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int FilesChecked { get; private set; }
    public long BytesChecked { get; private set; }
    public int Changed { get; private set; }
    public int Missing { get; private set; }
    public IReadOnlyList<FileCheckFinding> Findings => _findings;

    public bool Clean => FinishedAt is not null && Changed == 0 && Missing == 0;

    /// <summary>Megabytes re-hashed per second of the pass.</summary>
    public double MegabytesPerSecond =>
        FinishedAt is { } end && end > StartedAt ? BytesChecked / 1_048_576.0 / (end - StartedAt).TotalSeconds : 0;

    public void Checked(long bytes)
    {
        FilesChecked++;
        BytesChecked += bytes;
    }

    public void Found(string hash, FileProblem problem, string heldBy)
    {
        if (FinishedAt is not null) throw new InvalidOperationException("A finished check takes no more findings.");
        _findings.Add(new FileCheckFinding(hash, problem, heldBy));
        if (problem == FileProblem.Changed) Changed++;
        else Missing++;
    }

    public void Finish(DateTimeOffset at) => FinishedAt ??= at;
}

/// <summary>
/// A stored file the check found changed or missing, and which records hold it (e.g. "Contracts.PdfSha256"). Its hash is
/// not named <c>…Sha256</c>: a finding is not a reference to a stored file, and the check must not check its own findings.
/// </summary>
public sealed class FileCheckFinding
{
    private FileCheckFinding() { }

    internal FileCheckFinding(string hash, FileProblem problem, string heldBy)
    {
        Hash = hash;
        Problem = problem;
        HeldBy = heldBy;
    }

    public int Id { get; private set; }
    public int FileCheckId { get; private set; }
    public string Hash { get; private set; } = "";
    public FileProblem Problem { get; private set; }
    public string HeldBy { get; private set; } = "";
}
