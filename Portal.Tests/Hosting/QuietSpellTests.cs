using Portal.Hosting;

namespace Portal.Tests.Hosting;

public class QuietSpellTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 8, 0, 0, TimeSpan.FromHours(3.5));
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(4);
    private const long Busy = QuietSpell.QuietBytesPerMinute * 10;
    private const long Idle = QuietSpell.QuietBytesPerMinute / 10;

    /// <summary>Looks once a minute with the given bytes allocated in each minute; returns the minutes whose look said "collect".</summary>
    private static List<int> Collections(params long[] allocatedPerMinute)
    {
        var spell = new QuietSpell(Settle, Start, 0);
        long allocated = 0;
        var collected = new List<int>();
        for (var minute = 1; minute <= allocatedPerMinute.Length; minute++)
        {
            allocated += allocatedPerMinute[minute - 1];
            if (spell.Look(Start.AddMinutes(minute), allocated)) collected.Add(minute);
        }
        return collected;
    }

    [Fact]
    public void AfterALoad_ItCollectsOnce_WhenTheQuietHasLastedTheSettlingTime()
    {
        Assert.Equal([9], Collections(Busy, Busy, Busy, Busy, Busy, Idle, Idle, Idle, Idle, Idle, Idle, Idle, Idle, Idle));
    }

    [Fact]
    public void AnIdleServer_IsCollectedOnceAfterItsStart_AndNotAgain()
    {
        Assert.Equal([4], Collections(Enumerable.Repeat(Idle, 30).ToArray()));
    }

    [Fact]
    public void UseDuringTheQuiet_StartsTheWaitAgain()
    {
        // minute 3 is quiet since minute 2; the use in minute 5 restarts it, so the quiet counts from minute 5 to 9
        Assert.Equal([9], Collections(Busy, Busy, Idle, Idle, Busy, Idle, Idle, Idle, Idle, Idle));
    }

    [Fact]
    public void EachLoad_IsFollowedByItsOwnCollection()
    {
        Assert.Equal([5, 11], Collections(Busy, Idle, Idle, Idle, Idle, Busy, Busy, Idle, Idle, Idle, Idle, Idle));
    }

    [Fact]
    public void AServerThatNeverGoesQuiet_IsNeverCollected()
    {
        Assert.Empty(Collections(Enumerable.Repeat(Busy, 30).ToArray()));
    }

    [Fact]
    public void QuietIsARate_ALookAfterALongPauseIsNotBusy()
    {
        // the timer can be late (a stopped process, a slow machine): 20 minutes' allocation just over a minute's threshold is quiet
        var spell = new QuietSpell(Settle, Start, 0);
        Assert.False(spell.Look(Start.AddMinutes(1), Busy));
        Assert.True(spell.Look(Start.AddMinutes(21), Busy + QuietSpell.QuietBytesPerMinute * 2));
    }
}
