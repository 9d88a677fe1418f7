using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Domain.Data;

/// <summary>
/// When a scheduled job last started and finished, on whichever server ran it: every server's timer asks, and the job runs
/// only when this row says it is due, so several servers run it once per period between them, not once each.
/// </summary>
public sealed class ScheduledRun
{
    public const int MaxJobLength = 64;
    public const int MaxServerLength = 128;

    private ScheduledRun() { }

    public ScheduledRun(string job) => Job = job;

    public string Job { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    /// <summary>The machine that ran it last, for the operator reading the table.</summary>
    public string Server { get; private set; } = "";
    public bool Failed { get; private set; }

    public void Started(DateTimeOffset at, string server) =>
        (StartedAt, FinishedAt, Server, Failed) = (at, null, server.Length > MaxServerLength ? server[..MaxServerLength] : server, false);

    public void Finished(DateTimeOffset at, bool failed) => (FinishedAt, Failed) = (at, failed);
}

internal sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<ScheduledRun> b)
    {
        b.HasKey(r => r.Job);
        b.Property(r => r.Job).HasMaxLength(ScheduledRun.MaxJobLength);
        b.Property(r => r.Server).HasMaxLength(ScheduledRun.MaxServerLength);
    }
}
