using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Features.Agencies;

// SheetMaker OUT.xlsx [COUNT] [FIRST]: COUNT valid new Kerman agencies (codes AG-08FIRST…, default 2000 from 5000).
// SheetMaker --monthly TEMPLATE.xlsx OUT.xlsx N: a review office's monthly template (/monthly/upload/template.xlsx) with
// every agency's month filled in (bench/soak.sh): N files received in the first category (N × 1,000,000 rials), N
// forwarded, none returned, the pending count carried in still pending, 5 days on average; N differs per filing, so
// each upload changes every report.
// SheetMaker --previous-month: the Jalali month before today's, as the portal's ?period= takes it (1405-08).
if (args is ["--previous-month"])
{
    var persian = new System.Globalization.PersianCalendar();
    var today = DateTime.Today;
    var (year, month) = (persian.GetYear(today), persian.GetMonth(today) - 1);
    if (month == 0) (year, month) = (year - 1, 12);
    Console.WriteLine($"{year:0000}-{month:00}");
    return 0;
}
if (args is ["--monthly", var template, var output, var filed])
{
    var n = int.Parse(filed);
    using var workbook = new ClosedXML.Excel.XLWorkbook(template);
    var sheet = workbook.Worksheet(1);
    var last = sheet.LastColumnUsed()!.ColumnNumber();   // ..., Forwarded, Returned, Pending, AverageDays
    var rowCount = 0;
    for (var r = 2; r <= (sheet.LastRowUsed()?.RowNumber() ?? 1); r++)
    {
        var broughtForward = (int)sheet.Cell(r, 3).GetDouble();
        for (var c = 4; c <= last; c++) sheet.Cell(r, c).Clear(ClosedXML.Excel.XLClearOptions.Contents);
        sheet.Cell(r, 4).SetValue(n);
        sheet.Cell(r, 5).SetValue(n * 1_000_000L);
        sheet.Cell(r, last - 3).SetValue(n);
        sheet.Cell(r, last - 2).SetValue(0);
        sheet.Cell(r, last - 1).SetValue(broughtForward);
        sheet.Cell(r, last).SetValue(5);
        rowCount++;
    }
    workbook.SaveAs(output);
    Console.WriteLine($"{rowCount} agencies -> {output}");
    return 0;
}
if (args.Length is < 1 or > 3) { Console.Error.WriteLine("usage: SheetMaker OUT.xlsx [COUNT=2000] [FIRST=5000]"); return 2; }
var count = args.Length > 1 ? int.Parse(args[1]) : 2000;
var first = args.Length > 2 ? int.Parse(args[2]) : 5000;
var cities = new[] { "کرمان", "رفسنجان", "سیرجان", "بم", "جیرفت", "زرند" };

var rows = Enumerable.Range(0, count).Select(i => new AgencyImportRow(i + 2, $"AG-08{first + i}", "GO-08-1", "RO-08-1", "فعال", new AgencyProfileForm
{
    Name = $"کارگزاری رسمی آزمایشی {TextNormalizer.ToPersianDigits((first + i).ToString())}",
    City = cities[i % cities.Length],
    Address = $"{cities[i % cities.Length]}، خیابان {i % 40 + 1}، پلاک {i % 200 + 1}",
    PostalCode = $"76{10000000 + i:D8}",
    Phone = $"0343{2000000 + i:D7}",
    ManagerName = $"مسئول آزمایشی {i + 1}",
    ManagerNationalId = NationalId.WithCheckDigit($"{300000000 + i * 37:D9}"),
    ManagerMobile = $"0913{1000000 + i:D7}",
    Sheba = i % 2 == 0 ? Sheba.Create("017", $"{1000000000000000000L + i:D19}") : null,
})).ToList();

File.WriteAllBytes(args[0], AgencySheets.Write(rows));
Console.WriteLine($"{count} rows -> {args[0]}");
return 0;
