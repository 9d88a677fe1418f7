using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Humanizer;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Domain.Contracts;

/// <summary>Everything the contract's PDF shows, already in the words and digits it shows them in.</summary>
public sealed record ContractPaper(
    string Number, JalaliDate IssuedOn, int TemplateVersion, string VerificationCode, bool IsSample,
    ContractParties Parties,
    JalaliDate StartsOn, JalaliDate EndsOn, int TermMonths, long FeePerFile,
    IReadOnlyList<ContractText.Article> Articles, string Text)
{
    private static readonly CultureInfo Persian = new("fa-IR");

    /// <summary>The paper of a contract about to be issued: the template's placeholders filled from the parties and the terms.</summary>
    public static ContractPaper For(ContractParties parties, ContractTerms terms, ContractTemplate template, ContractNumber number,
        JalaliDate issuedOn, string verificationCode, bool isSample = false)
    {
        var p = parties with
        {
            ReviewOffice = Persianised(parties.ReviewOffice), ReviewOfficeAddress = Persianised(parties.ReviewOfficeAddress),
            ReviewOfficePhone = Persianised(parties.ReviewOfficePhone), AgencyName = Persianised(parties.AgencyName),
            ManagerNationalId = Persianised(parties.ManagerNationalId), AgencyAddress = Persianised(parties.AgencyAddress),
            PostalCode = Persianised(parties.PostalCode), AgencyPhone = Persianised(parties.AgencyPhone), Sheba = Sheba.Format(parties.Sheba),
        };
        var starts = JalaliDate.FromDateOnly(terms.StartsOn);
        var ends = JalaliDate.FromDateOnly(terms.EndsOn);
        var values = new Dictionary<string, string>
        {
            [ContractText.ContractNumber] = Isolated(number.Text),
            [ContractText.IssuedOn] = issuedOn.ToPersianString(),
            [ContractText.Province] = p.ProvinceFa,
            [ContractText.ReviewOffice] = p.ReviewOffice,
            [ContractText.AgencyName] = p.AgencyName,
            [ContractText.AgencyCode] = Isolated(p.AgencyCode),
            [ContractText.Manager] = p.ManagerName,
            [ContractText.ManagerNationalId] = p.ManagerNationalId,
            [ContractText.AgencyAddress] = p.AgencyAddress ?? "—",
            [ContractText.Sheba] = Isolated(p.Sheba ?? "—"),
            [ContractText.StartsOn] = starts.ToPersianString(),
            [ContractText.EndsOn] = ends.ToPersianString(),
            [ContractText.Term] = TextNormalizer.ToPersianDigits(terms.TermMonths.ToString(CultureInfo.InvariantCulture)) + " ماه",
            [ContractText.Fee] = new Rial(terms.FeePerFile).ToPersianString(),
            [ContractText.FeeInWords] = InWords(terms.FeePerFile),
        };
        var text = ContractText.Fill(template.Body, values);
        return new ContractPaper(number.Text, issuedOn, template.Version, verificationCode, isSample, p,
            starts, ends, terms.TermMonths, terms.FeePerFile, ContractText.Parse(text), text);
    }

    /// <summary>A made-up agency and office, for previewing a template version before anyone signs it.</summary>
    public static ContractPaper Sample(ContractTemplate template, JalaliDate today) => For(
        new ContractParties("کرمان", "دفتر رسیدگی به اسناد پزشکی کرمان", "کرمان، بلوار جمهوری اسلامی، ساختمان مدیریت درمان", "03432112233",
            "کارگزاری رسمی نمونه", "08-0001", "مریم احمدی", "0012345679", "کرمان، خیابان شهید بهشتی، کوچه ۱۲، پلاک ۴", "7613654321",
            "03432223344", "IR820540102680020817909002"),
        new ContractTerms(today.ToDateOnly(), 12, 1_250_000), template, new ContractNumber("08", today.Year, 1), today,
        new string('X', VerificationCodes.Length), isSample: true);

    /// <summary>An amount in Persian words, e.g. «یکصد و پنجاه هزار ریال», «یک هزار میلیارد ریال».</summary>
    public static string InWords(long rials) => (rials == 0 ? "صفر" : Words(rials)) + " ریال";

    // Humanizer's Persian goes on to «بیلیون» and «بیلیارد» past 999 milliards; Iranian papers (budget laws, treasury
    // letters) count on in milliards: «یک هزار میلیارد», «دو هزار و پانصد میلیارد».
    private static string Words(long n)
    {
        const long Milliard = 1_000_000_000;
        if (n < 1000 * Milliard) return n.ToWords(Persian);
        var milliards = Words(n / Milliard) + " میلیارد";
        return n % Milliard == 0 ? milliards : milliards + " و " + (n % Milliard).ToWords(Persian);
    }

    // Latin codes and numbers keep their left-to-right order inside Persian sentences.
    private static string Isolated(string text) => "\u2066" + text + "\u2069";

    [return: NotNullIfNotNull(nameof(text))]
    private static string? Persianised(string? text) => text is null ? null : TextNormalizer.ToPersianDigits(text);
}

/// <summary>The two sides of a contract as its parties table shows them.</summary>
public sealed record ContractParties(
    string ProvinceFa, string ReviewOffice, string? ReviewOfficeAddress, string? ReviewOfficePhone,
    string AgencyName, string AgencyCode, string ManagerName, string ManagerNationalId, string? AgencyAddress,
    string? PostalCode, string? AgencyPhone, string? Sheba)
{
    public static ContractParties Of(Agency agency, OrgUnit reviewOffice, Province province) => new(
        province.NameFa, reviewOffice.Name, reviewOffice.Address, reviewOffice.Phone,
        agency.Name, agency.Code, agency.ManagerName, agency.ManagerNationalId, agency.Address, agency.PostalCode, agency.Phone, agency.Sheba);
}
