using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.Agencies;

/// <summary>The agency list's search box takes the word however the clerk spells it.</summary>
[Collection(nameof(BrowserFixture))]
public sealed class AgencySearchBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SearchBox_FindsTheAgency_TypedWithoutSpacesArabicLettersOrLowerCaseCode()
    {
        var office = await fixture.SignInAsync("kerman.generaloffice");
        await BrowserFixture.GotoAsync(office, "/agencies");
        var rows = office.Locator("[data-testid=agency-table] tbody tr");

        // Stored as «کارگزاری رسمی کد 08002 …»: typed run together, with an Arabic yeh and kaf and Persian digits.
        await office.GetByTestId("agency-search").FillAsync("رسميكد۰۸۰۰۲");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("AG-08002");

        await office.GetByTestId("agency-search").FillAsync("ag-08001");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToContainTextAsync("AG-08001");
    }
}
