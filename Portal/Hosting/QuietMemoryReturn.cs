using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Portal.Hosting;

/// <summary>
/// Gives back to the machine the memory a load made the server take, once the load is over. The .NET GC collects only
/// when the program allocates, so a server gone quiet keeps its heap as its busiest minute left it: after a morning's
/// circuits have closed their objects are garbage, but the memory stays the server's, on a machine it shares with
/// PostgreSQL or another server. Once a minute the server looks at how much it allocated (<see cref="QuietSpell"/>);
/// when it has been quiet for longer than a closed tab's circuit is kept for a reconnection
/// (<see cref="CircuitOptions.DisconnectedCircuitRetentionPeriod"/>), so those circuits are gone too, one compacting
/// collection returns what is free, and glibc is asked to give back the native memory its allocator keeps free (the
/// per-thread arenas a thread pool grown under load leaves behind, which no collection frees: in the soak the trim took
/// ~60 MB more than the collection alone). Once per quiet spell: an idle server is not collected again until it has
/// been busy.
/// </summary>
public sealed class QuietMemoryReturn(IOptions<CircuitOptions> circuits, TimeProvider clock, ILogger<QuietMemoryReturn> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var spell = new QuietSpell(circuits.Value.DisconnectedCircuitRetentionPeriod + Every, clock.GetUtcNow(), GC.GetTotalAllocatedBytes());
        using var timer = new PeriodicTimer(Every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!spell.Look(clock.GetUtcNow(), GC.GetTotalAllocatedBytes())) continue;
            var before = Environment.WorkingSet;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            var collected = Environment.WorkingSet;
            NativeHeap.Trim();
            var heap = GC.GetGCMemoryInfo();
            logger.LogInformation("Quiet after a load: memory returned, working set {Before} -> {Collected} MB after the collection -> {After} MB after trimming the native heap; managed heap {Heap} MB ({Committed} MB committed)",
                before >> 20, collected >> 20, Environment.WorkingSet >> 20, heap.HeapSizeBytes >> 20, heap.TotalCommittedBytes >> 20);
        }
    }
}

/// <summary>
/// When a server's load is over, from what it allocates: a look that finds less than <see cref="QuietBytesPerMinute"/>
/// allocated per minute since the previous look is quiet, more is busy. <see cref="Look"/> says "collect" once a quiet
/// spell that follows a busy one has lasted <c>settle</c>; the server's start counts as busy.
/// </summary>
public sealed class QuietSpell(TimeSpan settle, DateTimeOffset start, long allocatedBytes)
{
    /// <summary>Open idle circuits, their keep-alives and the balancer's health checks allocate a few MB a minute; any
    /// use of the portal by people or the inquiry API allocates far more.</summary>
    public const long QuietBytesPerMinute = 32L << 20;

    private DateTimeOffset _lastLook = start;
    private long _lastAllocated = allocatedBytes;
    private DateTimeOffset? _quietSince;
    private bool _busySinceCollection = true;

    /// <summary>Records a look (the time and <see cref="GC.GetTotalAllocatedBytes"/>); true when it is time to collect.</summary>
    public bool Look(DateTimeOffset now, long allocatedBytes)
    {
        var minutes = (now - _lastLook).TotalMinutes;
        var busy = minutes > 0 && (allocatedBytes - _lastAllocated) / minutes >= QuietBytesPerMinute;
        if (busy) (_quietSince, _busySinceCollection) = (null, true);
        else _quietSince ??= _lastLook;
        (_lastLook, _lastAllocated) = (now, allocatedBytes);

        if (!_busySinceCollection || _quietSince is not { } since || now - since < settle) return false;
        _busySinceCollection = false;
        return true;
    }
}

/// <summary>glibc's <c>malloc_trim</c>: returns the free memory of every malloc arena to the system. A no-op elsewhere.</summary>
internal static class NativeHeap
{
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try { MallocTrim(0); }
        catch (EntryPointNotFoundException) { } // musl (Alpine) has no malloc_trim: nothing to ask it
    }

    // DllImport, not LibraryImport: the generated marshalling needs unsafe code, and this call passes only a size.
    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
