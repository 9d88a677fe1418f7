using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Portal.Documents;

/// <summary>
/// Tens of thousands of rows into a workbook ClosedXML laid out. ClosedXML 0.95 keeps every cell as an object and takes
/// seconds to save 300,000 of them; here the sheet's XML is rewritten as a stream instead: the template row (formatted by
/// ClosedXML, everything else in the sheet as ClosedXML wrote it) is replaced by the data rows, each cell taking the
/// style of the template cell above it. Strings are written inline, numbers as numbers.
/// </summary>
internal static class StreamedRows
{
    public static byte[] Fill(byte[] workbook, string sheetName, int templateRow, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            // Read the sheet ClosedXML wrote while writing a new part in its place (a part cannot be read and written at once).
            var workbookPart = document.WorkbookPart!;
            var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var replacement = workbookPart.AddNewPart<WorksheetPart>();
            using (var reader = OpenXmlReader.Create(part))
            using (var writer = OpenXmlWriter.Create(replacement))
                Copy(reader, writer, templateRow, rows);
            sheet.Id = workbookPart.GetIdOfPart(replacement);
            workbookPart.DeletePart(part);
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void Copy(OpenXmlReader reader, OpenXmlWriter writer, int templateRow, IEnumerable<object?[]> rows)
    {
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement && reader.Attributes.Any(a => a.LocalName == "r" && a.Value == Num(templateRow)))
            {
                var template = (Row)reader.LoadCurrentElement()!;
                var styles = template.Elements<Cell>().Select(c => c.StyleIndex?.Value ?? 0u).ToArray();
                WriteRows(writer, templateRow, styles, rows);
                continue;
            }
            if (!reader.IsStartElement)
            {
                writer.WriteEndElement();
                continue;
            }
            writer.WriteStartElement(reader);
            if (reader.GetText() is { Length: > 0 } text) writer.WriteString(text);
        }
    }

    private static void WriteRows(OpenXmlWriter writer, int first, uint[] styles, IEnumerable<object?[]> rows)
    {
        var number = first;
        foreach (var row in rows)
        {
            var r = Num(number);
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", r)]);
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is null) continue;
                var reference = Column(c) + r;
                var style = new OpenXmlAttribute("s", "", Num((int)styles[Math.Min(c, styles.Length - 1)]));
                if (row[c] is string text)
                {
                    writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", reference), style, new OpenXmlAttribute("t", "", "inlineStr")]);
                    writer.WriteElement(new InlineString(new Text(text)));
                }
                else
                {
                    writer.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", "", reference), style]);
                    writer.WriteElement(new CellValue(Convert.ToString(row[c], CultureInfo.InvariantCulture)!));
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            number++;
        }
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
