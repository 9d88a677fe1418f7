using ClosedXML.Excel;

namespace Portal.Documents;

/// <summary>
/// How the portal's report workbooks look: right-to-left sheets with a title in row 1, bold shaded Persian headers in
/// row 2 (frozen), Rials with thousands separators, a bold totals row and a filter over the data. Widths are fixed
/// because ClosedXML 0.95's AdjustToContents needs GDI+.
/// </summary>
internal static class SheetLayout
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string NumberFormat = "#,##0";
    public static readonly XLColor HeaderFill = XLColor.FromHtml("#E8EEF4");

    /// <summary>A report sheet: <paramref name="title"/> in row 1, the column headers in row 2; data starts in row 3.</summary>
    public static IXLWorksheet Report(XLWorkbook workbook, string name, string title, IReadOnlyList<(string Header, double Width)> columns)
    {
        var sheet = workbook.Worksheets.Add(name);
        sheet.RightToLeft = true;
        sheet.Cell(1, 1).SetValue(title).Style.Font.SetBold().Font.SetFontSize(13);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(2, c + 1).SetValue(columns[c].Header);
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        sheet.Range(2, 1, 2, columns.Count).Style.Font.SetBold().Fill.SetBackgroundColor(HeaderFill).Alignment.SetWrapText(true);
        sheet.SheetView.FreezeRows(2);
        return sheet;
    }

    /// <summary>The totals row under the data, in Rial format, and a filter over the header and data rows.</summary>
    public static void Totals(IXLWorksheet sheet, int row, string label, params (int Column, long Total)[] totals)
    {
        sheet.Cell(row, 1).SetValue(label);
        foreach (var (column, total) in totals)
        {
            sheet.Cell(row, column).SetValue(total);
            sheet.Column(column).Style.NumberFormat.Format = NumberFormat;
        }
        sheet.Row(row).Style.Font.SetBold();
        sheet.Range(2, 1, Math.Max(2, row - 1), sheet.LastColumnUsed().ColumnNumber()).SetAutoFilter();
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>Always text: ClosedXML would otherwise turn 0912…, a postal code or a code such as 0800001 into a number.</summary>
    public static void Text(IXLCell cell, string? value)
    {
        cell.Style.NumberFormat.Format = "@";
        cell.SetValue(value ?? "");
        cell.DataType = XLDataType.Text;
    }
}
