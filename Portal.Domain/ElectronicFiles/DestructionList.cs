using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

public enum DestructionStatus { Proposed = 1, Destroyed, Cancelled }

/// <summary>
/// A branch's six-monthly list of mail papers nobody collected (seed 003 part 2 §2): proposed by the portal (scanned,
/// stamped, verified, not collected, received more than <see cref="Months"/> months ago), printed, and destroyed by the
/// documents expert through administrative affairs with witnesses. The list is kept as it was destroyed; a paper whose
/// person comes for it before then is withdrawn from it. The images stay in the file.
/// </summary>
public sealed class DestructionList : IScoped, IAudited, IUnitOwned
{
    /// <summary>Every six months, for papers at least that old (the seed's period).</summary>
    public const int Months = 6;
    public const int WitnessesMaxLength = TextLength.Reason;

    private readonly List<DestructionItem> _items = [];

    public int Id { get; private set; }
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    public DestructionStatus Status { get; private set; } = DestructionStatus.Proposed;
    /// <summary>Papers received before this instant were old enough to be proposed.</summary>
    public DateTimeOffset ReceivedBefore { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTimeOffset ProposedAt { get; private set; }
    public DateOnly? DestroyedOn { get; private set; }
    /// <summary>The witnesses' names, one per line.</summary>
    public string? Witnesses { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid Version { get; private set; } = Guid.NewGuid();
    public IReadOnlyList<DestructionItem> Items => _items;

    int IUnitOwned.OwnerUnitId => BranchId;

    private DestructionList() { }

    internal DestructionList(int branchId, int provinceId, DateTimeOffset receivedBefore, IEnumerable<DestructionItem> items, string by, DateTimeOffset at)
    {
        (BranchId, ProvinceId, ReceivedBefore, ProposedBy, ProposedAt) = (branchId, provinceId, receivedBefore, by, at);
        _items.AddRange(items);
        if (_items.Count == 0) throw DomainException.Of("ElectronicFiles.NothingToDestroy");
    }

    /// <summary>The instant before which mail is old enough for the list proposed at <paramref name="at"/>.</summary>
    public static DateTimeOffset CutoffAt(DateTimeOffset at) => at.AddMonths(-Months);

    public IEnumerable<DestructionItem> Remaining => _items.Where(i => i.WithdrawnAt is null);

    /// <summary>The person came for the paper before it was destroyed: it leaves the list (and is handed back).</summary>
    internal void Withdraw(int documentId, string by, DateTimeOffset at)
    {
        if (Status != DestructionStatus.Proposed) throw DomainException.Of("ElectronicFiles.ListClosed");
        _items.Single(i => i.DocumentId == documentId && i.WithdrawnAt is null).Withdraw(by, at);
        Touch();
    }

    /// <summary>Records the destruction: the day (not before the list, not in the future), who, and at least two witnesses.</summary>
    internal IReadOnlyList<int> RecordDestruction(DateOnly on, IReadOnlyList<string> witnesses, string by, DateTimeOffset at)
    {
        if (Status != DestructionStatus.Proposed) throw DomainException.Of("ElectronicFiles.ListClosed");
        if (on < JalaliDate.FromInstant(ProposedAt).ToDateOnly()) throw DomainException.Of("ElectronicFiles.DestroyedBeforeList");
        if (witnesses.Count < 2) throw DomainException.Of("ElectronicFiles.TwoWitnesses");
        if (!Remaining.Any()) throw DomainException.Of("ElectronicFiles.NothingToDestroy");
        (Status, DestroyedOn, Witnesses, ClosedBy, ClosedAt) = (DestructionStatus.Destroyed, on, string.Join('\n', witnesses), by, at);
        Touch();
        return [.. Remaining.Select(i => i.DocumentId)];
    }

    internal void Cancel(string by, DateTimeOffset at)
    {
        if (Status != DestructionStatus.Proposed) throw DomainException.Of("ElectronicFiles.ListClosed");
        (Status, ClosedBy, ClosedAt) = (DestructionStatus.Cancelled, by, at);
        Touch();
    }

    private void Touch() => Version = Guid.NewGuid();
}

/// <summary>One paper on a destruction list, as the list was printed: which file, whose, what, received when.</summary>
public sealed class DestructionItem
{
    public int Id { get; private set; }
    public int ListId { get; private set; }
    public int DocumentId { get; private set; }
    public string FileNumber { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    public string NationalId { get; private set; } = "";
    public string TypeName { get; private set; } = "";
    public int Pages { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    private DestructionItem() { }

    internal DestructionItem(int documentId, string fileNumber, string personName, string nationalId, string typeName, int pages, DateTimeOffset receivedAt) =>
        (DocumentId, FileNumber, PersonName, NationalId, TypeName, Pages, ReceivedAt) = (documentId, fileNumber, personName, nationalId, typeName, pages, receivedAt);

    internal void Withdraw(string by, DateTimeOffset at) => (WithdrawnBy, WithdrawnAt) = (by, at);
}

/// <summary>What the documents expert types when recording a destruction.</summary>
public sealed record DestructionForm(string? DestroyedOn, string? Witnesses)
{
    public sealed record Valid(DateOnly DestroyedOn, IReadOnlyList<string> Witnesses);

    public (Valid? Value, IReadOnlyDictionary<string, string> Errors) Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var date = Input.PastDate(DestroyedOn, today);
        if (!date.IsValid) errors[nameof(DestroyedOn)] = date.Error!;
        // One name per line (or separated by commas): each normalised on its own, since normalising joins lines.
        var names = (Witnesses ?? "").Split(['\n', '\r', '،', ',', '؛', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(TextNormalizer.Normalize).Where(n => n.Length > 0).Distinct().ToList();
        if (names.Count < 2) errors[nameof(Witnesses)] = Messages.Get("ElectronicFiles.TwoWitnesses");
        else if (names.Sum(n => n.Length + 1) > DestructionList.WitnessesMaxLength || names.Any(n => n.Length > TextLength.Name))
            errors[nameof(Witnesses)] = Messages.Format("Field.TooLong", TextNormalizer.ToPersianDigits(TextLength.Name.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return errors.Count > 0 ? (null, errors) : (new Valid(date.Value, names), errors);
    }
}
