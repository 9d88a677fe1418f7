using Portal.Domain.Common;

namespace Portal.Domain.Eligibility;

public enum InsuranceRelation { MainInsured = 1, Pensioner, Spouse, Son, Daughter, Parent }

public enum Sex { Male = 1, Female }

/// <summary>
/// A person the organisation covers (seed 002): a main insured, a pensioner, or a dependant of one. Eligibility is read
/// from these facts on the inquiry date; nothing about coverage is stored, so a change of premiums or documents shows
/// in the next answer.
/// </summary>
public sealed class InsuredPerson
{
    public const int ForeignNumberLength = 12;

    private readonly List<PremiumMonth> _premiums = [];
    private readonly List<RegisteredMobile> _mobiles = [];

    public long Id { get; private set; }
    /// <summary>A national ID (10 digits) or a foreign national's number (12 digits).</summary>
    public string NationalId { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public InsuranceRelation Relation { get; private set; }
    /// <summary>For a dependant: the main insured or pensioner they depend on.</summary>
    public long? PrincipalId { get; private set; }
    /// <summary>The branch the person's insurance file is kept at (the "office" of the inquiry reports).</summary>
    public int BranchId { get; private set; }
    /// <summary>For a pensioner: whether the pension is being paid.</summary>
    public bool PensionActive { get; private set; }
    /// <summary>For a son of 19 or more: the last day of his university-enrolment certificate on file.</summary>
    public DateOnly? EnrolmentValidUntil { get; private set; }
    /// <summary>For a daughter: whether her birth certificate is on file.</summary>
    public bool BirthCertificateOnFile { get; private set; }
    public IReadOnlyCollection<PremiumMonth> Premiums => _premiums;
    public IReadOnlyCollection<RegisteredMobile> Mobiles => _mobiles;

    private InsuredPerson() { }

    public InsuredPerson(string nationalId, string firstName, string lastName, DateOnly birthDate, Sex sex, InsuranceRelation relation, int branchId,
        InsuredPerson? principal = null)
    {
        if (IsDependant(relation) != principal is not null) throw DomainException.Of("Eligibility.PrincipalMismatch");
        if (principal is { Relation: not (InsuranceRelation.MainInsured or InsuranceRelation.Pensioner) }) throw DomainException.Of("Eligibility.PrincipalMismatch");
        (NationalId, FirstName, LastName, BirthDate, Sex, Relation, BranchId) = (nationalId, firstName, lastName, birthDate, sex, relation, branchId);
        if (principal is not null) (PrincipalId, Principal) = (principal.Id == 0 ? null : principal.Id, principal);
    }

    /// <summary>Set while both are new, so they can be saved together.</summary>
    public InsuredPerson? Principal { get; private set; }

    public static bool IsDependant(InsuranceRelation relation) => relation is not (InsuranceRelation.MainInsured or InsuranceRelation.Pensioner);

    public void PayPremium(JalaliMonth month, int paidDays)
    {
        if (Relation != InsuranceRelation.MainInsured) throw DomainException.Of("Eligibility.PremiumsOfMainOnly");
        if (paidDays is < 0 or > 31) throw DomainException.Of("Eligibility.PaidDaysRange");
        _premiums.RemoveAll(p => p.Period == month.Key);
        _premiums.Add(new PremiumMonth(this, month.Key, paidDays));
    }

    public void SetPension(bool active)
    {
        if (Relation != InsuranceRelation.Pensioner) throw DomainException.Of("Eligibility.NotAPensioner");
        PensionActive = active;
    }

    public void FileEnrolmentCertificate(DateOnly validUntil) => EnrolmentValidUntil = validUntil;

    public void FileBirthCertificate() => BirthCertificateOnFile = true;

    public void RegisterMobile(string mobile)
    {
        if (_mobiles.All(m => m.Mobile != mobile)) _mobiles.Add(new RegisteredMobile(this, mobile));
    }
}

/// <summary>Days of premium paid for a main insured in one Jalali month.</summary>
public sealed class PremiumMonth
{
    public long PersonId { get; private set; }
    /// <summary><see cref="JalaliMonth.Key"/>, e.g. 140507.</summary>
    public int Period { get; private set; }
    public int PaidDays { get; private set; }

    private PremiumMonth() { }

    internal PremiumMonth(InsuredPerson person, int period, int paidDays) => (PersonId, Period, PaidDays) = (person.Id, period, paidDays);
}

/// <summary>A mobile number registered to a person at a branch (the personal inquiry sends its code only there).</summary>
public sealed class RegisteredMobile
{
    public long PersonId { get; private set; }
    /// <summary>09xxxxxxxxx.</summary>
    public string Mobile { get; private set; } = "";

    private RegisteredMobile() { }

    internal RegisteredMobile(InsuredPerson person, string mobile) => (PersonId, Mobile) = (person.Id, mobile);
}
