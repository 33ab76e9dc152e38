using SkiaSharp;
using ThiDua.Core.Import.Ocr;

namespace ThiDua.Core.Tests.Scans;

/// <summary>
/// The tilt of a page of text lines is found from the lines alone, either way up to 10°, upright or sideways, and
/// the page is turned back by it; a blank page has no tilt to find.
/// </summary>
public sealed class DeskewTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.8)]
    [InlineData(-2.3)]
    [InlineData(6.5)]
    [InlineData(-9.0)]
    public void The_tilt_of_text_lines_is_found(double tilt)
    {
        using var page = Lines(tilt);
        Assert.InRange(Deskew.Tilt(page), tilt - 0.5, tilt + 0.5);
    }

    [Fact]
    public void The_tilt_of_a_page_photographed_sideways_is_found()
    {
        using var page = Lines(90 + 4);
        Assert.InRange(Deskew.Tilt(page), 3.5, 4.5);
    }

    [Fact]
    public void Turning_back_by_the_tilt_found_straightens_the_page()
    {
        using var page = Lines(5);
        using var straight = Deskew.Turned(page, -Deskew.Tilt(page));
        Assert.InRange(Deskew.Tilt(straight), -0.5, 0.5);
    }

    [Fact]
    public void A_blank_page_has_no_tilt()
    {
        using var page = Grey(1200, 1600, c => c.Clear(new SKColor(240, 240, 240)));
        Assert.Equal(0, Deskew.Tilt(page));
    }

    /// <summary>A white page of words (dark bars of random length) in lines, turned clockwise by <paramref name="degrees"/>.</summary>
    internal static SKBitmap Lines(double degrees, int width = 1240, int height = 1754) => Grey(width, height, canvas =>
    {
        canvas.Clear(new SKColor(242, 242, 238));
        canvas.RotateDegrees((float)degrees, width / 2f, height / 2f);
        using var ink = new SKPaint { Color = new SKColor(30, 30, 30) };
        var random = new Random(5);
        for (var y = 120; y < height - 120; y += 34)
            for (var x = 110; x < width - 110;)
            {
                var word = random.Next(20, 110);
                canvas.DrawRect(x, y, Math.Min(word, width - 110 - x), 14, ink);
                x += word + 12;
            }
    });

    internal static SKBitmap Grey(int width, int height, Action<SKCanvas> draw)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        draw(canvas);
        return bitmap;
    }
}
