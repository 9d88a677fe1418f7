using ClosedXML.Excel;

namespace Portal.Documents;

/// <summary>
/// A refused upload handed back for fixing: the user's own workbook with each failing row's messages in a last red
/// column, so they correct the same file and upload it again. A column left by an earlier attempt is reused and cleared.
/// </summary>
internal static class ErrorColumn
{
    private static readonly XLColor ErrorFill = XLColor.FromHtml("#FFC7CE");
    private static readonly XLColor ErrorFont = XLColor.FromHtml("#9C0006");

    /// <param name="existing">Finds the errors column of an earlier attempt in the data sheet, if any.</param>
    public static byte[] Annotate(Stream original, Func<XLWorkbook, IXLWorksheet> dataSheet, Func<IXLWorksheet, int?> existing, string title,
        IReadOnlyDictionary<int, IReadOnlyList<string>> errors)
    {
        original.Position = 0;
        using var workbook = new XLWorkbook(original);
        var sheet = dataSheet(workbook);
        var lastRow = Math.Max(sheet.LastRowUsed()?.RowNumber() ?? 1, errors.Keys.DefaultIfEmpty(1).Max());
        var column = existing(sheet) ?? (sheet.Row(1).LastCellUsed()?.Address.ColumnNumber ?? 0) + 1;
        sheet.Range(2, column, Math.Max(2, lastRow), column).Clear();
        var header = sheet.Cell(1, column);
        SheetLayout.Text(header, title);
        header.Style.Font.SetBold().Font.SetFontColor(ErrorFont).Fill.SetBackgroundColor(ErrorFill);
        foreach (var (row, messages) in errors.Where(e => e.Key > 1))
        {
            var cell = sheet.Cell(row, column);
            SheetLayout.Text(cell, string.Join("\n", messages));
            cell.Style.Alignment.SetWrapText().Font.SetFontColor(ErrorFont).Fill.SetBackgroundColor(ErrorFill);
        }
        sheet.Column(column).Width = 60;
        if (sheet.AutoFilter.IsEnabled) sheet.AutoFilter.Clear();
        sheet.Range(1, 1, Math.Max(2, lastRow), column).SetAutoFilter();
        return SheetLayout.Save(workbook);
    }
}
