using SkiaSharp;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace ThiDua.Core.Tests.Scans;

/// <summary>How a made-up scan looks: the tilt of each page, one page turned a quarter or half turn, speckle, a red seal.</summary>
/// <param name="Tilt">Degrees each page is tilted by, alternating sign page to page (a scanner's or a hand's skew).</param>
/// <param name="TurnedPage">The page (1-based) photographed sideways or upside down, with <paramref name="Turn"/>; 0 for none.</param>
public sealed record ScanLook(double Tilt = 0.8, int TurnedPage = 0, int Turn = 0, int Seed = 7);

/// <summary>How a phone photo of a page lying on a desk looks.</summary>
/// <param name="Tilt">Degrees the page lies turned on the desk (clockwise positive).</param>
/// <param name="Share">The share of the frame's area the page covers.</param>
/// <param name="Light">Brightness of the room, 1 for daylight: the page and the desk are both dimmed by it.</param>
public sealed record DeskLook(double Tilt = 0, double Share = 0.7, double Light = 1, int Seed = 11);

/// <summary>
/// Makes a scanned copy of a plan's text, as a commune officer receives it: A4 pages at 200 dpi in DejaVu Sans,
/// grey paper with speckle, each page a little tilted, the red seal over the signature,
/// saved as JPEG; and a PDF of those images only, with no text layer.
/// </summary>
public static class PlanScanner
{
    public const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const int Width = 1654, Height = 2339, Margin = 150, FontPixels = 30, LineHeight = 42, ParagraphGap = 18;

    /// <summary>The text's pages as JPEG photos, at most <paramref name="maxPages"/>.</summary>
    public static List<byte[]> Pages(string text, ScanLook look, int maxPages = int.MaxValue)
    {
        using var typeface = SKTypeface.FromFile(FontFile) ?? throw new InvalidOperationException($"no font at {FontFile} (apt-get install fonts-dejavu-core)");
        using var font = new SKFont(typeface, FontPixels);
        var pages = Layout(text.Replace("\r", "", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormC), font).Take(maxPages).ToList();
        var random = new Random(look.Seed);
        return [.. pages.Select((lines, i) => Photo(lines, font, i + 1, pages.Count, look, random))];
    }

    /// <summary>A PDF whose pages are the images only (no text layer), each filling an A4 page.</summary>
    public static byte[] ImagePdf(IEnumerable<byte[]> jpegs)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var jpeg in jpegs)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddJpeg(jpeg, new PdfRectangle(0, 0, 595, 842));
        }
        return builder.Build();
    }

    /// <summary>
    /// A phone photo of <paramref name="page"/> (one of <see cref="Pages"/>) lying on a dark wooden desk: the frame
    /// around the page, the page turned on it, the grain and blotches of the wood, all dimmed by the room's light.
    /// </summary>
    public static byte[] OnDesk(byte[] page, DeskLook look)
    {
        using var sheet = SKBitmap.Decode(page);
        var grow = Math.Sqrt(1 / look.Share);
        using var frame = new SKBitmap((int)(sheet.Width * grow), (int)(sheet.Height * grow));
        var random = new Random(look.Seed);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(78, 56, 40));
            using var grain = new SKPaint { IsAntialias = true, StrokeWidth = 3 };
            for (var i = 0; i < 1500; i++)
            {
                var shade = random.Next(-25, 25);
                grain.Color = new SKColor((byte)(78 + shade), (byte)(56 + shade), (byte)(40 + shade), 120);
                float x = random.Next(frame.Width), y = random.Next(frame.Height);
                canvas.DrawLine(x, y, x + random.Next(100, 600), y + random.Next(-8, 8), grain);
            }
            canvas.Save();
            canvas.RotateDegrees((float)look.Tilt, frame.Width / 2f, frame.Height / 2f);
            using var image = SKImage.FromBitmap(sheet);
            canvas.DrawImage(image, (frame.Width - sheet.Width) / 2f, (frame.Height - sheet.Height) / 2f, new SKSamplingOptions(SKFilterMode.Linear));
            canvas.Restore();
            var dim = (byte)(255 * look.Light);
            using var light = new SKPaint { BlendMode = SKBlendMode.Modulate, Color = new SKColor(dim, dim, dim) };
            canvas.DrawRect(0, 0, frame.Width, frame.Height, light);
        }
        using var photo = SKImage.FromBitmap(frame);
        using var jpeg = photo.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg.ToArray();
    }

    /// <summary>Each page's lines and their heights: source lines wrapped at the text width, a gap for each blank line.</summary>
    private static IEnumerable<List<(string Text, int Y)>> Layout(string text, SKFont font)
    {
        var page = new List<(string, int)>();
        var y = Margin + FontPixels;
        foreach (var source in text.Split('\n'))
        {
            if (source.Trim().Length == 0) { y += ParagraphGap; continue; }
            foreach (var line in Wrap(source.Trim(), font))
            {
                if (y > Height - Margin)
                {
                    yield return page;
                    (page, y) = ([], Margin + FontPixels);
                }
                page.Add((line, y));
                y += LineHeight;
            }
        }
        if (page.Count > 0) yield return page;
    }

    private static IEnumerable<string> Wrap(string paragraph, SKFont font)
    {
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(longer) > Width - 2 * Margin)
            {
                yield return line;
                line = word;
            }
            else line = longer;
        }
        if (line.Length > 0) yield return line;
    }

    private static byte[] Photo(List<(string Text, int Y)> lines, SKFont font, int number, int count, ScanLook look, Random random)
    {
        using var bitmap = new SKBitmap(Width, Height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(244, 243, 238));
            canvas.Save();
            canvas.RotateDegrees((float)(number % 2 == 0 ? -look.Tilt : look.Tilt), Width / 2f, Height / 2f);
            using var ink = new SKPaint { Color = new SKColor(25, 25, 30), IsAntialias = true };
            foreach (var (text, y) in lines) canvas.DrawText(text, Margin, y, SKTextAlign.Left, font, ink);
            // The seal over the signature (the last lines).
            if (number == count) Seal(canvas, Margin + 200, lines[^1].Y - 150);
            canvas.Restore();
            using var speck = new SKPaint { Color = new SKColor(60, 60, 60, 170) };
            for (var i = 0; i < 800; i++) canvas.DrawCircle(random.Next(Width), random.Next(Height), (float)(random.NextDouble() * 1.0 + 0.3), speck);
        }
        using var turned = look.TurnedPage == number && look.Turn != 0 ? ThiDua.Core.Import.Ocr.PageImage.Turned(bitmap, look.Turn) : null;
        using var image = SKImage.FromBitmap(turned ?? bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 82);
        return jpeg.ToArray();
    }

    private static void Seal(SKCanvas canvas, float x, float y)
    {
        using var red = new SKPaint { Color = new SKColor(210, 35, 40, 150), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 9 };
        canvas.DrawCircle(x, y, 140, red);
        canvas.DrawCircle(x, y, 100, red);
        using var fill = new SKPaint { Color = new SKColor(215, 40, 45, 70), IsAntialias = true };
        canvas.DrawCircle(x, y, 140, fill);
        using var star = new SKPaint { Color = new SKColor(210, 35, 40, 170), IsAntialias = true };
        canvas.DrawCircle(x, y, 30, star);
    }
}
