using System.Security.Cryptography;
using Portal.Domain.Common;

namespace Portal.Domain.Booklets;

/// <summary>
/// A treatment booklet (دفترچه درمانی) of one insured person, main or dependant: its serial and the day it is valid
/// until. A person holds one booklet in use; a new or duplicate booklet replaces it. The validity is written only by a
/// recorded <see cref="BookletService"/>.
/// </summary>
public sealed class Booklet
{
    public const int SerialLength = 10;

    public long Id { get; private set; }
    public long PersonId { get; private set; }
    public string Serial { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public int IssuedAtBranchId { get; private set; }
    public DateOnly ValidUntil { get; private set; }
    /// <summary>Set when a new or duplicate booklet took this one's place (lost or full).</summary>
    public DateTimeOffset? ReplacedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();

    public bool InUse => ReplacedAt is null;

    private Booklet() { }

    internal Booklet(long personId, string serial, DateOnly issuedOn, int branchId, DateOnly validUntil) =>
        (PersonId, Serial, IssuedOn, IssuedAtBranchId, ValidUntil) = (personId, serial, issuedOn, branchId, validUntil);

    /// <summary>A fresh serial: ten digits, the first not zero. The unique index is the guard; a clash is retried.</summary>
    public static string NewSerial() => (RandomNumberGenerator.GetInt32(1, 10) + RandomNumberGenerator.GetString("0123456789", SerialLength - 1)).ToString();

    internal void ExtendTo(DateOnly until)
    {
        if (!InUse) throw DomainException.Of("Booklets.Replaced");
        ValidUntil = until;
        Version = Guid.NewGuid();
    }

    internal void Replace(DateTimeOffset at)
    {
        if (!InUse) throw DomainException.Of("Booklets.Replaced");
        ReplacedAt = at;
        Version = Guid.NewGuid();
    }
}
