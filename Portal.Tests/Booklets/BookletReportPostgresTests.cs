using Portal.Domain.Booklets;
using Portal.Tests.Data;
using static Portal.Tests.Booklets.BookletReportArrange;

namespace Portal.Tests.Booklets;

/// <summary>The same report on PostgreSQL: its own translation of the minutes from request to service (timestamptz, not ticks).</summary>
public sealed class BookletReportPostgresTests(PostgresPortal pg) : IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task Postgres_CountsTheSameMonth_AndTheSameWaits()
    {
        await ArrangeAsync(pg.Portal);
        var r = (await (await pg.Portal.AsAsync<BookletReport>("registration")).ReadAsync(May, May))!;

        Assert.Equal((13, 5, 1), (r.Total.Done, r.Total.Refused, r.Total.Corrected));
        var first = r.Branches.Single(b => b.Code == "BR-08-01");
        Assert.Equal((5, 4), (first.Wait.Measured, first.Wait.MedianMinutes));
        Assert.Equal(6.4, first.Wait.AverageMinutes!.Value, 3);
    }
}
