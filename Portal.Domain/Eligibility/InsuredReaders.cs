using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Data;
using Portal.Domain.Security;

namespace Portal.Domain.Eligibility;

/// <summary>
/// The inquiry's reads: a person by national ID, their principal, and the paying main insured's premium months since the
/// policy's window starts. They run on a few connections kept open with their three statements prepared: measured in
/// process on a million persons, opening a context and a connection and preparing the statements for each inquiry cost
/// more than the reads themselves, and EF's query pipeline several times more (bench/Eligibility). Tables and columns
/// are the model's (<see cref="EligibilityConfiguration"/>), which the tests exercise on SQLite and PostgreSQL.
/// </summary>
public sealed class InsuredReaders(IDbContextFactory<PortalDbContext> factory) : IAsyncDisposable
{
    private readonly ConcurrentBag<Reader> _idle = [];
    // SQLite's reads run synchronously, so no more are in flight than threads; a PostgreSQL read waits on the network, so
    // as many are in flight as requests (wrk's 64), and a reader opened past the kept ones costs a connection and three
    // prepares: it keeps more.
    private int _keep = Environment.ProcessorCount * 4;
    private const int KeepOverNetwork = 96;
    private volatile bool _disposed;

    public sealed record PersonRow(long Id, CoverageFacts Facts, long? PrincipalId, int BranchId, int? ProvinceId);

    public sealed record Facts(PersonRow Person, PersonRow? Principal, IReadOnlyList<PaidMonth> Premiums);

    /// <summary>The person's facts, or null for an unknown number; premiums only when the payer is a main insured.</summary>
    public async Task<Facts?> ReadAsync(string nationalId, int premiumsFrom, CancellationToken ct)
    {
        if (!_idle.TryTake(out var reader))
        {
            reader = await Reader.OpenAsync(factory, ct);
            if (!reader.InProcess) _keep = KeepOverNetwork;
        }
        Facts? facts;
        try
        {
            facts = await reader.ReadAsync(nationalId, premiumsFrom, ct);
        }
        catch
        {
            await reader.DisposeAsync(); // its connection's state is unknown
            throw;
        }
        if (!_disposed && _idle.Count < _keep) _idle.Add(reader);
        else await reader.DisposeAsync();
        return facts;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader)) await reader.DisposeAsync();
    }

    private sealed class Reader : IAsyncDisposable
    {
        private const string PersonColumns = """
            SELECT p."Id", p."Relation", p."Sex", p."BirthDate", p."PensionActive", p."EnrolmentValidUntil", p."BirthCertificateOnFile",
                   p."PrincipalId", p."BranchId", (SELECT u."ProvinceId" FROM "OrgUnits" u WHERE u."Id" = p."BranchId")
            FROM "InsuredPersons" p
            """;

        private readonly PortalDbContext _db;
        private readonly DbCommand _byNationalId, _byId, _premiums;

        /// <summary>SQLite: the reads run in this process, without waiting.</summary>
        public bool InProcess { get; }

        private Reader(PortalDbContext db)
        {
            _db = db;
            InProcess = db.Database.IsSqlite();
            var connection = db.Database.GetDbConnection();
            _byNationalId = Command(connection, PersonColumns + """ WHERE p."NationalId" = @key""", "@key");
            _byId = Command(connection, PersonColumns + """ WHERE p."Id" = @key""", "@key");
            _premiums = Command(connection, """SELECT "Period", "PaidDays" FROM "PremiumMonths" WHERE "PersonId" = @key AND "Period" >= @from""", "@key", "@from");
        }

        public static async Task<Reader> OpenAsync(IDbContextFactory<PortalDbContext> factory, CancellationToken ct)
        {
            var db = PortalDb.Open(factory, Actor.System);
            try
            {
                await db.Database.OpenConnectionAsync(ct);
                var reader = new Reader(db);
                // Typed, so PostgreSQL can prepare them on the server; SQLite keeps each command's statement anyway.
                (reader._byNationalId.Parameters[0].Value, reader._byId.Parameters[0].Value) = ("", 0L);
                (reader._premiums.Parameters[0].Value, reader._premiums.Parameters[1].Value) = (0L, 0);
                foreach (var command in new[] { reader._byNationalId, reader._byId, reader._premiums }) await command.PrepareAsync(ct);
                return reader;
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        public async Task<Facts?> ReadAsync(string nationalId, int premiumsFrom, CancellationToken ct)
        {
            _byNationalId.Parameters[0].Value = nationalId;
            if (await PersonAsync(_byNationalId, ct) is not { } person) return null;
            PersonRow? principal = null;
            if (person.PrincipalId is { } principalId)
            {
                _byId.Parameters[0].Value = principalId;
                principal = await PersonAsync(_byId, ct);
            }
            var payer = principal ?? person;
            if (payer.Facts.Relation != InsuranceRelation.MainInsured) return new Facts(person, principal, []);
            (_premiums.Parameters[0].Value, _premiums.Parameters[1].Value) = (payer.Id, premiumsFrom);
            var months = new List<PaidMonth>(16);
            await using (var rows = await _premiums.ExecuteReaderAsync(ct))
                while (await rows.ReadAsync(ct)) months.Add(new PaidMonth(rows.GetInt32(0), rows.GetInt32(1)));
            return new Facts(person, principal, months);
        }

        private static async Task<PersonRow?> PersonAsync(DbCommand command, CancellationToken ct)
        {
            await using var row = await command.ExecuteReaderAsync(ct);
            if (!await row.ReadAsync(ct)) return null;
            var facts = new CoverageFacts((InsuranceRelation)row.GetInt32(1), (Sex)row.GetInt32(2), row.GetFieldValue<DateOnly>(3), row.GetBoolean(4),
                row.IsDBNull(5) ? null : row.GetFieldValue<DateOnly>(5), row.GetBoolean(6));
            return new PersonRow(row.GetInt64(0), facts, row.IsDBNull(7) ? null : row.GetInt64(7), row.GetInt32(8), row.IsDBNull(9) ? null : row.GetInt32(9));
        }

        private static DbCommand Command(DbConnection connection, string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in new[] { _byNationalId, _byId, _premiums }) await command.DisposeAsync();
            await _db.DisposeAsync();
        }
    }
}
