using System.Globalization;
using DocumentFormat.OpenXml;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace CqpPortal.Web.Reports.Excel;

public enum ChartKind { Bar, Pie }

/// <summary>
/// One native chart over a column of the sheet: categories from <paramref name="CategoryColumn"/>, values from
/// <paramref name="ValueColumn"/>, rows <paramref name="FirstRow"/> to <paramref name="LastRow"/> (1-based). The cached
/// values are those of the cells: a value null (a masked or empty cell) has no point, as Excel would draw it.
/// </summary>
public sealed record ChartSpec(
    ChartKind Kind,
    string Title,
    string SeriesName,
    int CategoryColumn,
    int ValueColumn,
    uint FirstRow,
    IReadOnlyList<string> Categories,
    IReadOnlyList<double?> Values,
    bool Percent = false,
    ChartSeries? Second = null,
    int? GreySlice = null)
{
    public uint LastRow => FirstRow + (uint)Categories.Count - 1;
}

/// <summary>A second series of a bar chart, drawn beside the first for each category (planned and done hours), with a legend.</summary>
public sealed record ChartSeries(string Name, int ValueColumn, IReadOnlyList<double?> Values);

/// <summary>
/// Writes a sheet's charts as a drawing part with one chart part each. There is no theme part to vary colours from,
/// so each pie slice gets its own colour (c:dPt); every chart shows its values as labels, readable without colour.
/// </summary>
internal static class ChartWriter
{
    // Okabe–Ito: told apart by colour-blind readers too.
    private static readonly string[] Palette = ["0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00", "F0E442", "666666"];
    private const string BarColour = "1F4E79";
    private const string SecondBarColour = "E69F00";
    // A pie's « masqué » slice: grey, told apart from the palette's colours by its label too.
    private const string MaskedColour = "BFBFBF";
    private const int ChartColumns = 8, ChartRows = 18;

    /// <summary>Writes the charts, then the drawing that places them; returns the drawing's part path.</summary>
    public static string Write(WorkbookWriter workbook, string sheetName, IReadOnlyList<ChartSpec> charts, int firstColumn)
    {
        var anchors = new List<Xdr.TwoCellAnchor>();
        var relationships = new List<(string Id, string Type, string Target)>();
        for (var i = 0; i < charts.Count; i++)
        {
            var chartPath = $"xl/charts/chart{workbook.NextChart()}.xml";
            using (var stream = workbook.CreatePart(chartPath, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"))
                ChartSpace(sheetName, charts[i]).Save(stream);
            var id = $"rId{i + 1}";
            relationships.Add((id, "chart", "../charts/" + Path.GetFileName(chartPath)));
            anchors.Add(Anchor(id, (uint)i + 2, charts[i].Title, firstColumn, i * (ChartRows + 1)));
        }
        var drawingPath = $"xl/drawings/drawing{workbook.NextDrawing()}.xml";
        using (var stream = workbook.CreatePart(drawingPath, "application/vnd.openxmlformats-officedocument.drawing+xml"))
        {
            var drawing = new Xdr.WorksheetDrawing();
            drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
            drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
            drawing.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
            drawing.AddNamespaceDeclaration("r", WorkbookWriter.RelationshipsNamespace);
            foreach (var anchor in anchors) drawing.Append(anchor);
            drawing.Save(stream);
        }
        workbook.WriteRelationships(drawingPath, relationships);
        return drawingPath;
    }

    private static Xdr.TwoCellAnchor Anchor(string chartRelationshipId, uint id, string title, int column, int row) =>
        new(
            new Xdr.FromMarker(new Xdr.ColumnId(column.ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                new Xdr.RowId(row.ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId((column + ChartColumns).ToString(CultureInfo.InvariantCulture)), new Xdr.ColumnOffset("0"),
                new Xdr.RowId((row + ChartRows).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = id, Name = $"Graphique {id - 1}", Description = title },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartRelationshipId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData())
        { EditAs = Xdr.EditAsValues.OneCell };

    private static C.ChartSpace ChartSpace(string sheetName, ChartSpec spec)
    {
        var sheet = WorkbookWriter.QuotedSheet(sheetName);
        string Range(int column) => $"{sheet}!${WorkbookWriter.ColumnName(column)}${spec.FirstRow}:${WorkbookWriter.ColumnName(column)}${spec.LastRow}";
        var formatCode = spec.Percent ? "0.0%" : "#,##0";

        var categories = new C.StringCache(new C.PointCount { Val = (uint)spec.Categories.Count });
        for (var i = 0; i < spec.Categories.Count; i++)
            categories.Append(new C.StringPoint(new C.NumericValue(spec.Categories[i])) { Index = (uint)i });
        C.Values ValueData(int column, IReadOnlyList<double?> points)
        {
            var values = new C.NumberingCache(new C.FormatCode(formatCode), new C.PointCount { Val = (uint)points.Count });
            for (var i = 0; i < points.Count; i++)
                if (points[i] is { } v) values.Append(new C.NumericPoint(new C.NumericValue(v.ToString("R", CultureInfo.InvariantCulture))) { Index = (uint)i });
            return new C.Values(new C.NumberReference(new C.Formula(Range(column)), values));
        }

        var seriesText = new C.SeriesText(new C.NumericValue(spec.SeriesName));
        var categoryData = new C.CategoryAxisData(new C.StringReference(new C.Formula(Range(spec.CategoryColumn)), categories));
        var valueData = ValueData(spec.ValueColumn, spec.Values);

        OpenXmlCompositeElement plot;
        if (spec.Kind == ChartKind.Pie)
        {
            var series = new C.PieChartSeries(new C.Index { Val = 0 }, new C.Order { Val = 0 }, seriesText);
            for (var i = 0; i < spec.Categories.Count; i++)
                series.Append(new C.DataPoint(new C.Index { Val = (uint)i }, new C.Bubble3D { Val = false }, Fill(i == spec.GreySlice ? MaskedColour : Palette[i % Palette.Length], outline: "FFFFFF")));
            series.Append(Labels(formatCode, category: true, position: null));
            series.Append(categoryData, valueData);
            plot = new C.PieChart(new C.VaryColors { Val = true }, series, new C.FirstSliceAngle { Val = 0 });
        }
        else
        {
            var series = new C.BarChartSeries(new C.Index { Val = 0 }, new C.Order { Val = 0 }, seriesText,
                Fill(BarColour, outline: null), new C.InvertIfNegative { Val = false },
                Labels(formatCode, category: false, position: C.DataLabelPositionValues.OutsideEnd), categoryData, valueData);
            plot = new C.BarChart(
                new C.BarDirection { Val = C.BarDirectionValues.Bar }, new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
                new C.VaryColors { Val = false }, series);
            if (spec.Second is { } second)
                plot.Append(new C.BarChartSeries(new C.Index { Val = 1 }, new C.Order { Val = 1 }, new C.SeriesText(new C.NumericValue(second.Name)),
                    Fill(SecondBarColour, outline: null), new C.InvertIfNegative { Val = false },
                    Labels(formatCode, category: false, position: C.DataLabelPositionValues.OutsideEnd),
                    (C.CategoryAxisData)categoryData.CloneNode(true), ValueData(second.ValueColumn, second.Values)));
            plot.Append(new C.GapWidth { Val = 60 }, new C.AxisId { Val = 1001 }, new C.AxisId { Val = 1002 });
        }

        var plotArea = new C.PlotArea(new C.Layout(), plot);
        if (spec.Kind == ChartKind.Bar)
        {
            plotArea.Append(
                new C.CategoryAxis(new C.AxisId { Val = 1001 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
                    new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Left },
                    new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.None }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1002 },
                    new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                    new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }, new C.NoMultiLevelLabels { Val = false }),
                new C.ValueAxis(new C.AxisId { Val = 1002 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                    new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Top }, new C.MajorGridlines(),
                    new C.NumberingFormat { FormatCode = formatCode, SourceLinked = false },
                    new C.MajorTickMark { Val = C.TickMarkValues.Outside }, new C.MinorTickMark { Val = C.TickMarkValues.None },
                    new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1001 },
                    new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        }

        var chart = new C.Chart(
            new C.Title(
                new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.RunProperties { Language = "fr-FR", FontSize = 1200, Bold = true }, new A.Text(spec.Title))))),
                new C.Overlay { Val = false }),
            new C.AutoTitleDeleted { Val = false },
            plotArea);
        if (spec.Kind == ChartKind.Pie) chart.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Right }, new C.Overlay { Val = false }));
        else if (spec.Second is not null) chart.Append(new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }));
        chart.Append(new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });

        var space = new C.ChartSpace(new C.EditingLanguage { Val = "fr-FR" }, new C.RoundedCorners { Val = false }, chart);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    private static C.ChartShapeProperties Fill(string colour, string? outline)
    {
        var properties = new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour }));
        if (outline is not null) properties.Append(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = outline })) { Width = 12700 });
        return properties;
    }

    /// <summary>Values (and for a pie, the category) written on the chart: it reads without colour.</summary>
    private static C.DataLabels Labels(string formatCode, bool category, C.DataLabelPositionValues? position)
    {
        var labels = new C.DataLabels(new C.NumberingFormat { FormatCode = formatCode, SourceLinked = false });
        if (position is { } p) labels.Append(new C.DataLabelPosition { Val = p });
        labels.Append(
            new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = category },
            new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false });
        if (category) labels.Append(new C.Separator("\n"), new C.ShowLeaderLines { Val = true });
        return labels;
    }
}
