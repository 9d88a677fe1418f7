using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Tests.Support;

/// <summary>
/// A race lost for certain: <paramref name="rival"/> (the same act through another server or tab) runs and commits
/// after the service has read what it needs and just before its save's transaction begins. For the services of
/// <see cref="Acting.AsAsync{T}"/> with interceptors.
/// </summary>
public sealed class AnotherServerSavesFirst(Func<Task> rival) : DbTransactionInterceptor
{
    private bool _done;

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (_done) return result;
        _done = true;
        await rival();
        return result;
    }
}
