using Portal.Domain.Common;
using Portal.Domain.Security;

namespace Portal.Domain.Organisation;

public enum UnitKind
{
    HeadOffice = 1,
    CallCenter,
    GeneralOffice,
    TreatmentDirectorate,
    ReviewOffice,
    Branch,
    GovernorOffice,
    MedicalCenter,
    Agency,
}

public enum MedicalCenterOwnership { Public = 1, Private, Charity }

/// <summary>
/// An organisational unit. Every user belongs to exactly one; head-office units have no province.
/// Agencies and medical centres carry more data in their own subtypes (one table, discriminated by kind).
/// </summary>
public class OrgUnit : IScoped, IAudited, IUnitOwned, ISearchable
{
    public int Id { get; private set; }
    public UnitKind Kind { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int? ProvinceId { get; private set; }
    public Province? Province { get; private set; }
    /// <summary>The unit this one reports to (a branch to its general office, an agency to its general office).</summary>
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public string? City { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string SearchText { get; private set; } = "";
    /// <summary>Who heads the unit (a general office's director-general): the name its outgoing letters are signed with.</summary>
    public string? HeadName { get; private set; }

    int IUnitOwned.OwnerUnitId => Id;

    protected OrgUnit() { }

    public OrgUnit(UnitKind kind, string code, string name, Province? province, OrgUnit? parent = null)
    {
        if (kind is not (UnitKind.HeadOffice or UnitKind.CallCenter) && province is null)
            throw new ArgumentException($"A {kind} belongs to a province.", nameof(province));
        Kind = kind;
        Code = code;
        Name = name;
        Province = province;
        ProvinceId = province is { Id: > 0 } ? province.Id : null; // so rules can compare provinces before the first save
        Parent = parent;
    }

    /// <summary>The province's key, also before the first save (then from the province object).</summary>
    internal int ProvinceKey => ProvinceId ?? Province?.Id ?? throw new InvalidOperationException($"{Kind} {Code} belongs to no province.");

    /// <summary>By key once saved; by the province object while either unit is new.</summary>
    internal bool InSameProvinceAs(OrgUnit other) =>
        ProvinceId is { } mine && other.ProvinceId is { } theirs ? mine == theirs : ReferenceEquals(Province, other.Province);

    protected void Rename(string name) => Name = name;

    public virtual IEnumerable<string?> SearchedFields() => [Code, Name, City];

    public void SetHead(string? name) => HeadName = TextNormalizer.Normalize(name) is { Length: > 0 } typed ? typed : null;

    public void SetContact(string? city, string? address, string? phone)
    {
        City = city;
        Address = address;
        Phone = phone;
    }
}

public sealed class MedicalCenter : OrgUnit
{
    public MedicalCenterOwnership Ownership { get; private set; }

    private MedicalCenter() { }

    public MedicalCenter(string code, string name, Province province, MedicalCenterOwnership ownership)
        : base(UnitKind.MedicalCenter, code, name, province) => Ownership = ownership;
}
