using SkiaSharp;
using ThiDua.Core.Import.Ocr;

namespace ThiDua.Core.Tests.Scans;

/// <summary>
/// The sheet is found on a darker desk, straight or turned on it, its box close to the sheet's own; a photo with no
/// sheet standing out (a scan filling the frame, an all-black photo) is kept whole.
/// </summary>
public sealed class SheetCropTests
{
    private const int Width = 1500, Height = 2000;

    [Theory]
    [InlineData(0.0)]
    [InlineData(6.5)]
    [InlineData(-9.0)]
    public void The_sheet_on_a_desk_is_found(double tilt)
    {
        var sheet = SKRect.Create(300, 350, 840, 1190);
        using var photo = DeskewTests.Grey(Width, Height, canvas =>
        {
            Desk(canvas);
            canvas.RotateDegrees((float)tilt, sheet.MidX, sheet.MidY);
            using var paper = new SKPaint { Color = new SKColor(235, 235, 230), IsAntialias = true };
            canvas.DrawRect(sheet, paper);
            using var ink = new SKPaint { Color = new SKColor(30, 30, 30) };
            for (var y = sheet.Top + 80; y < sheet.Bottom - 80; y += 30) canvas.DrawRect(sheet.Left + 70, y, sheet.Width - 140, 12, ink);
        });

        var found = SheetCrop.Find(photo);

        var expected = Turned(sheet, tilt);
        Assert.NotNull(found);
        // Within 2 % of the photo's side: the crop's margin, and a search cell either way.
        var slack = 0.02 * Height;
        Assert.InRange(found.Value.Left, expected.Left - slack, expected.Left);
        Assert.InRange(found.Value.Top, expected.Top - slack, expected.Top);
        Assert.InRange(found.Value.Right, expected.Right, expected.Right + slack);
        Assert.InRange(found.Value.Bottom, expected.Bottom, expected.Bottom + slack);
    }

    [Fact]
    public void A_page_filling_the_photo_is_kept_whole()
    {
        using var scan = DeskewTests.Lines(0.8);
        var found = SheetCrop.Find(scan);
        Assert.True(found is null || found.Value == SKRectI.Create(scan.Width, scan.Height), $"cut to {found}");
    }

    [Fact]
    public void An_all_black_photo_has_no_sheet()
    {
        using var black = DeskewTests.Grey(Width, Height, c => c.Clear(SKColors.Black));
        Assert.Null(SheetCrop.Find(black));
    }

    /// <summary>A dark desk with streaks of lighter and darker wood.</summary>
    private static void Desk(SKCanvas canvas)
    {
        canvas.Clear(new SKColor(70, 60, 50));
        var random = new Random(2);
        using var grain = new SKPaint { StrokeWidth = 3 };
        for (var i = 0; i < 600; i++)
        {
            var shade = (byte)random.Next(40, 110);
            grain.Color = new SKColor(shade, shade, shade);
            float x = random.Next(Width), y = random.Next(Height);
            canvas.DrawLine(x, y, x + random.Next(80, 400), y + random.Next(-6, 6), grain);
        }
    }

    /// <summary>The bounding box of <paramref name="rect"/> turned clockwise by <paramref name="degrees"/> about its centre.</summary>
    private static SKRect Turned(SKRect rect, double degrees)
    {
        var (sin, cos) = Math.SinCos(Math.Abs(degrees) * Math.PI / 180);
        var (halfWidth, halfHeight) = ((float)(rect.Width * cos + rect.Height * sin) / 2, (float)(rect.Width * sin + rect.Height * cos) / 2);
        return new SKRect(rect.MidX - halfWidth, rect.MidY - halfHeight, rect.MidX + halfWidth, rect.MidY + halfHeight);
    }
}
