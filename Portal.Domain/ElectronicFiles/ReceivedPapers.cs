using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.ElectronicFiles;

/// <summary>
/// What became of the paper of a document received in service or by mail once it was scanned (seed 003 part 2): handed
/// back to the person, its original kept in the branch's binders, destroyed in the branch (a commission ruling that led
/// to no disability), or destroyed with the six-monthly list (mail nobody collected). Not yet settled: with the clerk,
/// or, for mail, waiting for the person.
/// </summary>
public enum PaperFate { HandedBack = 1, KeptInBinder, DestroyedInBranch, DestroyedByList }

/// <summary>The four kinds of paper whose originals the branch keeps (seed 003 part 2 §1, note, الف–د).</summary>
public enum KeptCategory
{
    /// <summary>The organisation's copy of a self-employed person's contract at 12–14 %.</summary>
    SelfEmployedContract = 1,
    /// <summary>An article 91 medical-commission ruling that leads to total or partial disability or loss of a limb.</summary>
    DisabilityRuling,
    /// <summary>A special group's entry examination that shows total disability.</summary>
    SpecialGroupEntryExamination,
    /// <summary>A medical authority's opinion rejecting all or part of a rest period, with the physician's certificates.</summary>
    RestPeriodRejected,
}

/// <summary>What may be done now with a received document's paper.</summary>
[Flags]
public enum PaperActions { None = 0, Stamp = 1, HandBack = 2, Keep = 4, DestroyInBranch = 8 }

/// <summary>
/// A kept original's place: the binder of its category and of the Jalali year of its registration in the branch's
/// register, where the papers stand in the order of their registration date (and number), so a paper filed a day late
/// is put in at its place, not at the end.
/// </summary>
public sealed class KeptOriginal : IScoped, IAudited, IUnitOwned
{
    public const int RegisterNumberMaxLength = 40;

    public int DocumentId { get; private set; }
    public int BranchId { get; private set; }
    public int ProvinceId { get; private set; }
    public KeptCategory Category { get; private set; }
    public string RegisterNumber { get; private set; } = "";
    public DateOnly RegisterDate { get; private set; }
    /// <summary>The Jalali year of <see cref="RegisterDate"/>: one binder per category and year.</summary>
    public int Year { get; private set; }
    public string FiledBy { get; private set; } = "";
    public DateTimeOffset FiledAt { get; private set; }

    int IUnitOwned.OwnerUnitId => BranchId;

    private KeptOriginal() { }

    internal KeptOriginal(ScannedDocument document, KeptCategory category, string registerNumber, DateOnly registerDate, string by, DateTimeOffset at)
    {
        (DocumentId, BranchId, ProvinceId) = (document.Id, document.BranchId, document.ProvinceId);
        (Category, RegisterNumber, RegisterDate, Year) = (category, registerNumber, registerDate, JalaliDate.FromDateOnly(registerDate).Year);
        (FiledBy, FiledAt) = (by, at);
    }
}

/// <summary>What the clerk types when a kept original goes into its binder: the category and the paper's registration.</summary>
public sealed record KeepForm(KeptCategory? Category, string? RegisterNumber, string? RegisterDate)
{
    public sealed record Valid(KeptCategory Category, string RegisterNumber, DateOnly RegisterDate);

    public (Valid? Value, IReadOnlyDictionary<string, string> Errors) Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (Category is not { } category || !Enum.IsDefined(category)) errors[nameof(Category)] = Messages.Get("Field.Required");
        var number = Input.Text(RegisterNumber, KeptOriginal.RegisterNumberMaxLength);
        if (!number.IsValid) errors[nameof(RegisterNumber)] = number.Error!;
        var date = Input.PastDate(RegisterDate, today);
        if (!date.IsValid) errors[nameof(RegisterDate)] = date.Error!;
        return errors.Count > 0 ? (null, errors) : (new Valid(Category!.Value, number.Value!, date.Value), errors);
    }
}
