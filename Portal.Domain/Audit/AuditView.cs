using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Portal.Domain.Common;
using Portal.Domain.Data;
using Portal.Domain.Organisation;
using Portal.Domain.Users;
using Portal.Domain.SignIn;

namespace Portal.Domain.Audit;

/// <summary>How a stored value reads: the page formats each kind its own way (amounts with «٬», dates Jalali, enums by label).</summary>
/// <remarks><see cref="AuditValueKind.UserName"/> is a sign-in name with no person behind it (the portal itself, a removed account).</remarks>
public enum AuditValueKind { None = 0, Text, Number, Amount, Decimal, Month, Date, Instant, Enum, Bool, Reference, UserName }

/// <summary>
/// One stored value, typed from the model: <see cref="Value"/> is a string, long, decimal, <see cref="JalaliMonth"/>,
/// DateOnly, DateTimeOffset or bool; an enum's is its resource key (<see cref="AuditLabels.EnumKey"/>) and a reference's
/// the name of the record it points to.
/// </summary>
public sealed record AuditValue(AuditValueKind Kind, object? Value)
{
    public static readonly AuditValue None = new(AuditValueKind.None, null);
}

/// <summary>One field's change: its property, the label keys to try (<see cref="AuditLabels.FieldKeys"/>), old → new.</summary>
public sealed record AuditFieldChange(string Property, IReadOnlyList<string> LabelKeys, AuditValue Old, AuditValue New);

/// <summary>An audit entry as a person reads it: who (full name), which record (its kind, name and page) and each field.</summary>
public sealed record AuditLine(AuditEntry Entry, string UserFullName, string EntityKey, string? RecordName, string? RecordLink,
    IReadOnlyList<AuditFieldChange> Changes);

/// <summary>
/// Turns stored audit entries into <see cref="AuditLine"/>s, using the EF model for each property's type (so a Guid
/// concurrency token is hidden, a foreign key to a unit reads as the unit's name, an enum as its label) and a few reads
/// for names: the users', and the records' with a page of their own.
/// </summary>
public static class AuditView
{
    private sealed record Record(string? Name, string? Link);

    public static async Task<IReadOnlyList<AuditLine>> LinesAsync(PortalDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var parsed = entries.Select(e => (Entry: e, Type: TypeOf(db.Model, e.Entity), Raw: Parse(e.Changes))).ToList();
        var users = await UserNames.FullNamesAsync(db, entries.Select(e => e.UserName).Concat(parsed.SelectMany(p => UsersNamed(p.Raw))), ct);
        var references = await ReferencesAsync(db, parsed.SelectMany(p => ReferencedUnits(p.Type, p.Raw)), ct);
        var records = await RecordsAsync(db, entries, ct);
        return parsed.Select(p => new AuditLine(p.Entry, users.GetValueOrDefault(p.Entry.UserName, p.Entry.UserName), AuditLabels.EntityKey(p.Entry.Entity),
                records.GetValueOrDefault(p.Entry.Id)?.Name, records.GetValueOrDefault(p.Entry.Id)?.Link, Changes(p.Entry, p.Type, p.Raw, references, users)))
            .ToList();
    }

    private static IEntityType? TypeOf(IModel model, string entity) => model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entity);

    private static Dictionary<string, JsonElement[]> Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2)
                .ToDictionary(p => p.Name, p => new[] { p.Value[0].Clone(), p.Value[1].Clone() });
        }
        catch (JsonException) { return []; }
    }

    /// <summary>Keys, Guids (concurrency tokens, batch ids), discriminators and file hashes mean nothing to the reader; they stay in the raw form.</summary>
    private static bool Hidden(IProperty? p) => p is not null &&
        (p.IsPrimaryKey() || Underlying(p.ClrType) == typeof(Guid) || p.Name.EndsWith("Sha256", StringComparison.Ordinal) || p.Name == "Hash"
         || p.DeclaringType is IEntityType t && t.FindDiscriminatorProperty() == p);

    private static Type Underlying(Type t) => Nullable.GetUnderlyingType(t) ?? t;

    private static IReadOnlyList<AuditFieldChange> Changes(AuditEntry entry, IEntityType? type, Dictionary<string, JsonElement[]> raw,
        Dictionary<(string Kind, long Id), string> references, Dictionary<string, string> users)
    {
        var changes = new List<AuditFieldChange>();
        foreach (var (name, values) in raw)
        {
            var property = type?.FindProperty(name);
            if (Hidden(property)) continue;
            var (old, now) = (Value(property, name, values[0], references, users), Value(property, name, values[1], references, users));
            // An added record lists what it was given; a deleted one what it had; an edit what changed.
            if (entry.Action == AuditAction.Added && now.Kind == AuditValueKind.None) continue;
            if (entry.Action == AuditAction.Deleted && old.Kind == AuditValueKind.None) continue;
            if (Equals(old, now)) continue;
            changes.Add(new AuditFieldChange(name, AuditLabels.FieldKeys(entry.Entity, name), old, now));
        }
        return changes;
    }

    private static AuditValue Value(IProperty? property, string name, JsonElement json, Dictionary<(string Kind, long Id), string> references,
        Dictionary<string, string> users)
    {
        if (json.ValueKind == JsonValueKind.Null || json.ValueKind == JsonValueKind.Undefined) return AuditValue.None;
        if (IsUser(property, name) && json.ValueKind == JsonValueKind.String)
            return users.TryGetValue(json.GetString()!, out var fullName) ? new(AuditValueKind.Reference, fullName) : new(AuditValueKind.UserName, json.GetString());
        var type = property is null ? null : Underlying(property.ClrType);
        try
        {
            if (property is not null && ReferenceKind(property) is { } kind && json.TryGetInt64(out var id))
                return references.TryGetValue((kind, id), out var refName) ? new(AuditValueKind.Reference, refName) : new(AuditValueKind.Number, id);
            if (type is { IsEnum: true } && json.TryGetInt32(out var e)) return new(AuditValueKind.Enum, AuditLabels.EnumKey(type, Enum.ToObject(type, e)));
            if (type == typeof(bool) && json.ValueKind is JsonValueKind.True or JsonValueKind.False) return new(AuditValueKind.Bool, json.GetBoolean());
            if (type == typeof(DateOnly) && DateOnly.TryParse(json.GetString(), CultureInfo.InvariantCulture, out var d)) return new(AuditValueKind.Date, d);
            if ((type == typeof(DateTimeOffset) || type == typeof(DateTime)) && json.TryGetDateTimeOffset(out var at)) return new(AuditValueKind.Instant, at);
            if (type == typeof(int) && name.EndsWith("Period", StringComparison.Ordinal) && json.TryGetInt32(out var key) && key > 100000)
                return new(AuditValueKind.Month, JalaliMonth.FromKey(key));
            if (type == typeof(long) && json.TryGetInt64(out var amount)) return new(AuditValueKind.Amount, amount);
            if (type == typeof(decimal) || type == typeof(double)) return new(AuditValueKind.Decimal, json.GetDecimal());
            if (json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var n)) return new(AuditValueKind.Number, n);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException) { }
        return new(AuditValueKind.Text, json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText());
    }

    /// <summary>
    /// Keys whose record has a name worth showing: units (offices, agencies, centres), provinces and claim categories —
    /// by the model's foreign keys, or by the name for the scope columns kept without one (ProvinceId, ReviewOfficeId…).
    /// </summary>
    private static string? ReferenceKind(IProperty property)
    {
        foreach (var fk in property.GetContainingForeignKeys())
        {
            if (typeof(OrgUnit).IsAssignableFrom(fk.PrincipalEntityType.ClrType)) return nameof(OrgUnit);
            if (fk.PrincipalEntityType.ClrType == typeof(Province)) return nameof(Province);
            if (fk.PrincipalEntityType.ClrType == typeof(MonthlyStats.ClaimCategory)) return nameof(MonthlyStats.ClaimCategory);
        }
        if (Underlying(property.ClrType) != typeof(int) || property.IsPrimaryKey()) return null;
        return property.Name switch
        {
            "ProvinceId" => nameof(Province),
            "CategoryId" => nameof(MonthlyStats.ClaimCategory),
            "AgencyId" or "ReviewOfficeId" or "UnitId" or "ParentId" or "CentreId" or "MedicalCenterId" or "BranchId" => nameof(OrgUnit),
            _ => null,
        };
    }

    /// <summary>Who did a step (SubmittedBy, SentBy…): a user name, read as the person's full name.</summary>
    private static bool IsUser(IProperty? property, string name) =>
        name.EndsWith("By", StringComparison.Ordinal) && (property is null || property.ClrType == typeof(string));

    private static IEnumerable<string> UsersNamed(Dictionary<string, JsonElement[]> raw) =>
        from pair in raw
        where IsUser(null, pair.Key)
        from value in pair.Value
        where value.ValueKind == JsonValueKind.String
        select value.GetString()!;

    private static IEnumerable<(string Kind, long Id)> ReferencedUnits(IEntityType? type, Dictionary<string, JsonElement[]> raw) =>
        from pair in raw
        let property = type?.FindProperty(pair.Key)
        where property is not null && ReferenceKind(property) is not null
        from value in pair.Value
        where value.ValueKind == JsonValueKind.Number
        select (ReferenceKind(property)!, value.GetInt64());

    private static async Task<Dictionary<(string Kind, long Id), string>> ReferencesAsync(PortalDbContext db, IEnumerable<(string Kind, long Id)> wanted, CancellationToken ct)
    {
        var byKind = wanted.Distinct().ToLookup(w => w.Kind, w => (int)w.Id);
        var names = new Dictionary<(string, long), string>();
        if (byKind[nameof(OrgUnit)].ToList() is { Count: > 0 } units)
            foreach (var u in await db.OrgUnits.IgnoreQueryFilters().Where(u => units.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct))
                names[(nameof(OrgUnit), u.Id)] = u.Name;
        if (byKind[nameof(Province)].ToList() is { Count: > 0 } provinces)
            foreach (var p in await db.Provinces.Where(p => provinces.Contains(p.Id)).Select(p => new { p.Id, p.NameFa }).ToListAsync(ct))
                names[(nameof(Province), p.Id)] = p.NameFa;
        if (byKind[nameof(MonthlyStats.ClaimCategory)].ToList() is { Count: > 0 } categories)
            foreach (var c in await db.ClaimCategories.Where(c => categories.Contains(c.Id)).Select(c => new { c.Id, c.NameFa }).ToListAsync(ct))
                names[(nameof(MonthlyStats.ClaimCategory), c.Id)] = c.NameFa;
        return names;
    }

    private static int? IntKey(AuditEntry e) => int.TryParse(e.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Each entry's record: its name and the page where it is kept, where the portal has one.</summary>
    private static async Task<Dictionary<long, Record>> RecordsAsync(PortalDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        List<int> Ids(params string[] entities) => entries.Where(e => entities.Contains(e.Entity)).Select(IntKey).OfType<int>().Distinct().ToList();
        var records = new Dictionary<long, Record>();
        void Put(string[] entities, IReadOnlyDictionary<int, Record> byId)
        {
            foreach (var e in entries.Where(e => entities.Contains(e.Entity)))
                if (IntKey(e) is int id && byId.TryGetValue(id, out var r)) records[e.Id] = r;
        }

        string[] units = [nameof(OrgUnit), nameof(Agencies.Agency), nameof(MedicalCenter)];
        var unitIds = Ids(units).Concat(entries.Where(e => e.UnitId is not null).Select(e => e.UnitId!.Value)).Distinct().ToList();
        var unitRows = await db.OrgUnits.IgnoreQueryFilters().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Kind }).ToListAsync(ct);
        var unitRecords = unitRows.ToDictionary(u => u.Id, u => new Record(u.Name, u.Kind == UnitKind.Agency ? $"agencies/{u.Id}" : $"organisation/{u.Id}"));
        // Records that belong to a unit and have no page of their own open the unit's (an agency's board, notices, users…).
        foreach (var e in entries.Where(e => e.UnitId is int u && unitRecords.ContainsKey(u))) records[e.Id] = unitRecords[e.UnitId!.Value];
        Put(units, unitRecords);

        var contracts = Ids(nameof(Contracts.Contract));
        Put([nameof(Contracts.Contract)], await db.Contracts.IgnoreQueryFilters().Where(c => contracts.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new Record(c.Number ?? c.Agency.Name, $"contracts/{c.Id}"), ct));

        var files = Ids(nameof(OffsetFiles.OffsetFile));
        Put([nameof(OffsetFiles.OffsetFile)], await db.OffsetFiles.IgnoreQueryFilters().Where(f => files.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => new Record(f.Number ?? f.Title, $"offset/{f.Id}"), ct));
        var agreements = Ids(nameof(OffsetFiles.OffsetAgreement));
        Put([nameof(OffsetFiles.OffsetAgreement)], await db.OffsetAgreements.IgnoreQueryFilters().Where(a => agreements.Contains(a.Id))
            .Select(a => new { a.Id, a.FileId, File = db.OffsetFiles.IgnoreQueryFilters().Where(f => f.Id == a.FileId).Select(f => f.Number ?? f.Title).FirstOrDefault(), a.Workshop.EmployerName })
            .ToDictionaryAsync(a => a.Id, a => new Record($"{a.File} — {a.EmployerName}", $"offset/{a.FileId}"), ct));

        var reports = Ids(nameof(MonthlyStats.MonthlyReport));
        var reportRows = await db.MonthlyReports.IgnoreQueryFilters().Where(r => reports.Contains(r.Id)).Select(r => new { r.Id, r.Period, r.Agency.Name }).ToListAsync(ct);
        Put([nameof(MonthlyStats.MonthlyReport)], reportRows.ToDictionary(r => r.Id,
            r => new Record($"{r.Name} — {JalaliMonth.FromKey(r.Period).ToPersianString()}", $"monthly/reports/{r.Id}/history")));

        var objections = Ids(nameof(Eligibility.Objection));
        Put([nameof(Eligibility.Objection)], await db.Objections.IgnoreQueryFilters().Where(o => objections.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => new Record(o.TrackingCode, $"eligibility/objections/{o.Id}"), ct));

        var sessions = Ids(nameof(Rollout.TrainingSession));
        Put([nameof(Rollout.TrainingSession)], await db.TrainingSessions.IgnoreQueryFilters().Where(s => sessions.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new Record(s.Place, $"rollout/training/{s.Id}"), ct));

        var circulars = Ids(nameof(Circulars.Circular));
        Put([nameof(Circulars.Circular)], await db.Circulars.IgnoreQueryFilters().Where(c => circulars.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new Record(c.Title, $"circulars/{c.Id}/receipts"), ct));

        var categories = Ids(nameof(MonthlyStats.ClaimCategory));
        Put([nameof(MonthlyStats.ClaimCategory)], await db.ClaimCategories.Where(c => categories.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new Record(c.NameFa, "admin/claim-categories"), ct));

        var userIds = entries.Where(e => e.Entity == nameof(PortalUser)).Select(e => e.Key).Distinct().ToList();
        var userRows = await db.Users.IgnoreQueryFilters().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.UserName }).ToListAsync(ct);
        foreach (var e in entries.Where(e => e.Entity == nameof(PortalUser)))
            if (userRows.FirstOrDefault(u => u.Id == e.Key) is { } u) records[e.Id] = new Record(u.FullName.Length > 0 ? u.FullName : u.UserName!, "admin/users");
        return records;
    }
}
