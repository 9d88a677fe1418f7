using Portal.Documents;
using Portal.Domain.Agencies;
using Portal.Domain.Common;
using Portal.Features.Agencies;

// SheetMaker OUT.xlsx [COUNT] [FIRST]: COUNT valid new Kerman agencies (codes AG-08FIRST…, default 2000 from 5000).
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
