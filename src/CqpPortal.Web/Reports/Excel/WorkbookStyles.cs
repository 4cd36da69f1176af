using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CqpPortal.Web.Reports.Excel;

/// <summary>
/// The workbook's cell formats, in the order of <see cref="CellStyle"/>. Format codes are stored the way the file
/// format wants them ("." for decimals, "," for thousands); a French Excel shows "1 234", "12,5 %" and "3,5".
/// </summary>
internal static class WorkbookStyles
{
    private const uint ThousandsFormat = 3;   // built-in "#,##0"
    private const uint TextFormat = 49;       // built-in "@"
    private const uint PercentFormat = 164;   // "0.0 %": French typography puts a space before the sign
    private const uint DecimalFormat = 165;
    private const uint MonthFormat = 166;

    public static Stylesheet Build() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = PercentFormat, FormatCode = "0.0\\ %" },
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "#,##0.0" },
            new NumberingFormat { NumberFormatId = MonthFormat, FormatCode = "mm/yyyy" })
        { Count = 3 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDE4EE" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(new Color { Rgb = "FF333333" }) { Style = BorderStyleValues.Thin }, new BottomBorder(), new DiagonalBorder()))
        { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Format(0, font: 0),                                                       // Default
            Format(0, font: 1, fill: 2, wrap: true),                                  // Header
            Format(ThousandsFormat),                                                  // Count
            Format(PercentFormat),                                                    // Percent
            Format(DecimalFormat),                                                    // Decimal
            Format(MonthFormat),                                                      // Month
            Format(0, font: 1, border: 1),                                            // TotalLabel
            Format(ThousandsFormat, font: 1, border: 1),                              // TotalCount
            Format(PercentFormat, font: 1, border: 1),                                // TotalPercent
            Format(0, right: true),                                                   // NumberText
            Format(0, font: 1, border: 1, right: true),                               // TotalNumberText
            Format(TextFormat))                                                       // Text
        { Count = 12 },
        new CellStyles(new DocumentFormat.OpenXml.Spreadsheet.CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static CellFormat Format(uint numberFormat, uint font = 0, uint fill = 0, uint border = 0, bool right = false, bool wrap = false)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
            ApplyFont = font != 0 ? true : null,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
        };
        if (right || wrap)
        {
            format.ApplyAlignment = true;
            format.Append(new Alignment
            {
                Horizontal = right ? HorizontalAlignmentValues.Right : null,
                Vertical = wrap ? VerticalAlignmentValues.Top : null,
                WrapText = wrap ? true : null,
            });
        }
        return format;
    }
}
