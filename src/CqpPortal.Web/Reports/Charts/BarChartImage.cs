using System.Globalization;
using CqpPortal.Web.Documents;
using ScottPlot;
using SkiaSharp;

namespace CqpPortal.Web.Reports.Charts;

/// <summary>
/// One category of a chart: its label, the length of its bar (null: no bar at all, for a masked figure or one without
/// data) and the figure written at the end of the bar ("9 (64,3 %)", "&lt; 5", "masqué", "–"). <paramref name="Colour"/>
/// picks the palette's colour when the bars are pairs of series (planned, done), whatever the chart's rule.
/// </summary>
public sealed record ChartBar(string Label, double? Value, string Text, int? Colour = null);

/// <summary>What the value axis counts: people, a rate (values 0–1, drawn 0–100 %), months or hours.</summary>
public enum ChartScale { Count, Percent, Months, Hours }

/// <summary>
/// A horizontal bar chart: categories from top to bottom in the order given (the dashboard's order), one colour per
/// category (where the dashboard draws a pie) or the first colour for all. <paramref name="Title"/> is drawn inside the
/// image, for a file that travels alone; a PDF writes its own heading instead.
/// </summary>
public sealed record BarChart(IReadOnlyList<ChartBar> Bars, ChartScale Scale, bool ColourPerCategory, string? Title = null);

/// <summary>A drawn chart: PNG bytes and the size, in PDF points, at which it prints at <see cref="BarChartImage.Dpi"/>.</summary>
public sealed record ChartImage(byte[] Png, double WidthPoints, double HeightPoints);

/// <summary>
/// Our one way to draw a chart outside the browser (the dashboard keeps ECharts, the workbook its native Excel charts):
/// ScottPlot horizontal bars with the dashboard's palette, DejaVu Sans, French numbers, each figure written at the end
/// of its bar. A masked figure gets no bar — nothing anyone could measure — only its text (« &lt; 5 », « masqué »).
/// Layout is in points, so 9-point text prints at 9 points; the PNG is rendered at 180 dpi.
/// </summary>
public static class BarChartImage
{
    /// <summary>The width of a chart: the PDF page's text width (A4 less two 2 cm margins), in points.</summary>
    public const double WidthPoints = 480;

    /// <summary>Pixels per point: 2.5 gives 180 dpi, sharp in print and 1200 pixels wide for a slide.</summary>
    public const double PixelsPerPoint = 2.5;

    public const double Dpi = 72 * PixelsPerPoint;

    /// <summary>The dashboard's ECharts palette (wwwroot/js/dashboard-charts.js), in the same order.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#00408a", "#b8003e", "#1d6b2f", "#7a4b00", "#5b2a86", "#006b75", "#4a4a4a", "#9a3412", "#365314"];

    private const float FontSize = 9, TitleSize = 11;
    private const double RowHeight = 22, LineHeight = 11, TextGap = 4, RightPadding = 18, BottomPadding = 22;
    private const double MaxLabelWidth = WidthPoints * 0.36;
    private static readonly Color Ink = Color.FromHex("#1b1b1b");
    private static readonly Color Muted = Color.FromHex("#5a5a5a");
    private static readonly Lazy<SKFont> Measure = new(() => new SKFont(SKTypeface.FromFile(FontFile("DejaVuSans")), FontSize));
    private static readonly Lazy<bool> FontsAdded = new(() =>
    {
        // Named after its file too: ScottPlot's default font resolved to a serif font here. (ScottPlot 5.1.59 draws
        // labels in the regular face whatever their bold or italic flags, so the charts use none.)
        Fonts.AddFontFile(DejaVuFontResolver.Family, FontFile("DejaVuSans"), bold: false, italic: false);
        return true;
    });
    private static readonly Lock RenderLock = new();

    public static ChartImage Draw(BarChart chart)
    {
        _ = FontsAdded.Value;
        var labels = chart.Bars.Select(b => Wrap(b.Label)).ToList();
        var labelWidth = labels.SelectMany(l => l).Select(TextWidth).DefaultIfEmpty(0).Max();
        var lines = labels.Select(l => l.Count).DefaultIfEmpty(1).Max();
        var rowHeight = Math.Max(RowHeight, lines * LineHeight + 6);
        var top = chart.Title is null ? 8 : 30;
        var left = labelWidth + 14;
        var height = top + Math.Max(1, chart.Bars.Count) * rowHeight + BottomPadding;
        var dataWidth = WidthPoints - left - RightPadding;

        var factor = chart.Scale == ChartScale.Percent ? 100 : 1;
        var values = chart.Bars.Select(b => b.Value * factor).ToList();
        // The axis reaches far enough for every figure to be written after its bar, inside the frame.
        var maximum = values.Select(v => v ?? 0).DefaultIfEmpty(0).Max();
        var axisEnd = chart.Scale == ChartScale.Percent ? 100 : Math.Max(maximum * 1.05, 1);
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            var room = dataWidth - TextGap - TextWidth(chart.Bars[i].Text) - 2;
            if (values[i] is { } v && v > 0 && room > 0) axisEnd = Math.Max(axisEnd, v * dataWidth / room);
        }

        using var plot = new Plot();
        plot.ScaleFactor = PixelsPerPoint;
        plot.Font.Set(DejaVuFontResolver.Family);
        plot.Layout.Fixed(new PixelPadding((float)left, (float)RightPadding, (float)BottomPadding, top));
        var count = chart.Bars.Count;
        double Position(int index) => count - 1 - index; // first category on top

        var bars = new List<Bar>();
        for (var i = 0; i < count; i++)
        {
            var colour = Color.FromHex(Palette[(chart.Bars[i].Colour ?? (chart.ColourPerCategory ? i : 0)) % Palette.Count]);
            if (values[i] is { } value)
                bars.Add(new Bar { Position = Position(i), Value = value, Size = 0.62, FillColor = colour, LineWidth = 0, Orientation = Orientation.Horizontal });
            var text = plot.Add.Text(chart.Bars[i].Text, values[i] ?? 0, Position(i));
            text.LabelFontSize = FontSize;
            text.LabelFontName = DejaVuFontResolver.Family;
            text.LabelAlignment = Alignment.MiddleLeft;
            text.OffsetX = (float)TextGap;
            // A masked figure is written in grey where its bar would start.
            text.LabelFontColor = values[i] is null ? Muted : Ink;
        }
        if (bars.Count > 0)
        {
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
        }

        var categories = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < count; i++) categories.AddMajor(Position(i), string.Join("\n", labels[i]));
        plot.Axes.Left.TickGenerator = categories;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Left.TickLabelStyle.ForeColor = Ink;
        // Without any bar (everything masked) the axis has no scale to show.
        plot.Axes.Bottom.TickGenerator = values.All(v => v is null)
            ? new ScottPlot.TickGenerators.NumericManual()
            : new ScottPlot.TickGenerators.NumericAutomatic
            {
                LabelFormatter = v => Number(v, chart.Scale),
                IntegerTicksOnly = chart.Scale == ChartScale.Count,
                MinorTickGenerator = new ScottPlot.TickGenerators.EvenlySpacedMinorTickGenerator(0),
                TickDensity = 0.5,
            };
        plot.Axes.Bottom.TickLabelStyle.FontSize = FontSize;
        plot.Axes.Bottom.TickLabelStyle.ForeColor = Ink;
        plot.Axes.Bottom.MajorTickStyle.Length = 3;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = Color.FromHex("#e3e3e3");
        plot.Axes.SetLimits(0, axisEnd, -0.5, count - 0.5);
        if (chart.Title is not null)
        {
            plot.Title(chart.Title, TitleSize);
            plot.Axes.Title.Label.ForeColor = Ink;
            plot.Axes.Title.FullFigureCenter = true;
        }

        var pixelsWide = (int)Math.Round(WidthPoints * PixelsPerPoint);
        var pixelsHigh = (int)Math.Round(height * PixelsPerPoint);
        using var surface = SKSurface.Create(new SKImageInfo(pixelsWide, pixelsHigh));
        // ScottPlot's font cache is shared; one chart at a time keeps it simple (a chart takes milliseconds).
        lock (RenderLock) plot.Render(surface.Canvas, pixelsWide, pixelsHigh);
        using var snapshot = surface.Snapshot();
        using var pixels = snapshot.PeekPixels();
        // The "up" filter only: several times faster than Skia's default (all filters), about the same size for flat charts.
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Up, 6)) ?? throw new InvalidOperationException("The chart could not be encoded as PNG.");
        return new ChartImage(png.ToArray(), pixelsWide / PixelsPerPoint, pixelsHigh / PixelsPerPoint);
    }

    /// <summary>A tick of the value axis, in French: "1 234", "25 %", "12,5".</summary>
    private static string Number(double value, ChartScale scale) => scale switch
    {
        ChartScale.Percent => value.ToString("0.#", French) + "\u00a0%",
        _ => value.ToString("#,##0.#", French),
    };

    /// <summary>A long category label on two or three lines, cut at spaces.</summary>
    private static List<string> Wrap(string label)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && TextWidth(candidate) > MaxLabelWidth)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        lines.Add(line);
        return lines;
    }

    private static double TextWidth(string text)
    {
        lock (Measure) return Measure.Value.MeasureText(text);
    }

    private static string FontFile(string face) =>
        DejaVuFontResolver.FontFile(face) ?? throw new InvalidOperationException($"Font {face}.ttf not found: install the Debian package fonts-dejavu-core.");

    private static readonly NumberFormatInfo French = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "\u00a0" };
}
