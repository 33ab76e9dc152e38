using SkiaSharp;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// Straightens a page photographed a few degrees askew (tesseract's orientation check only knows quarter turns, and
/// reads tilted lines worse). The tilt is the angle at which the page's ink, projected onto rows, piles up most
/// sharply into text lines: the variance of the row sums is largest when each row runs along a line or between two.
/// Columns are scored alike, as a page photographed sideways (turned upright by tesseract later) has its lines upright.
/// </summary>
internal static class Deskew
{
    /// <summary>The search runs on a copy with this long side: text lines are still a few pixels apart, and it takes milliseconds.</summary>
    private const int SearchSide = 1000;
    /// <summary>Tilts are searched up to this many degrees either way; a page turned further is a quarter turn for tesseract to find.</summary>
    private const double MaxTilt = 10;
    private const double CoarseStep = 0.5, FineStep = 0.1;
    /// <summary>A tilt smaller than this reads as well as straight, so the page is left as it is (turning blurs it a little).</summary>
    public const double MinTilt = 0.3;
    /// <summary>Only the middle of the page is looked at (this share is left out on each side): a desk corner or the sheet's edge there is no text line.</summary>
    private const double Inset = 0.2;
    /// <summary>Fewer ink cells than this is a blank page: no lines to go by.</summary>
    private const int MinInk = 200;
    /// <summary>Ink and paper this close in brightness (0–255) are noise on a blank page.</summary>
    private const int MinContrast = 30;

    /// <returns>Degrees the text is turned clockwise; 0 when there are no lines to tell by.</returns>
    public static double Tilt(SKBitmap grey)
    {
        var cell = Math.Max(1, (Math.Max(grey.Width, grey.Height) + SearchSide - 1) / SearchSide);
        var (small, width, height) = SheetCrop.Shrunk(grey, cell);
        var (left, top, right, bottom) = ((int)(width * Inset), (int)(height * Inset), (int)(width * (1 - Inset)), (int)(height * (1 - Inset)));
        var middle = new List<byte>((right - left) * (bottom - top));
        for (var y = top; y < bottom; y++) middle.AddRange(small.AsSpan(y * width + left, right - left));
        var (threshold, contrast) = SheetCrop.Otsu(middle.ToArray());
        if (contrast < MinContrast) return 0;

        // Each ink cell counts at a random point within it: at its corner, a straight page's cells would fall
        // exactly into the rows' bins and a page tilted 0.8° would score as straight.
        var jitter = new Random(1);
        var ink = new List<(double X, double Y)>();
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++)
                if (small[y * width + x] <= threshold) ink.Add((x + jitter.NextDouble() - width / 2.0, y + jitter.NextDouble() - height / 2.0));
        if (ink.Count < MinInk) return 0;

        var bins = new long[(int)Math.Ceiling(Math.Sqrt((double)width * width + height * height)) + 4];
        var coarse = Best(ink, bins, -MaxTilt, MaxTilt, CoarseStep);
        return Best(ink, bins, coarse - CoarseStep, coarse + CoarseStep, FineStep);
    }

    /// <summary>
    /// A copy turned clockwise by <paramref name="degrees"/> about its centre, each pixel read between its four
    /// nearest (bilinear), the corners it uncovers white like paper. Done here, as Skia turns a grey image several
    /// times slower.
    /// </summary>
    public static SKBitmap Turned(SKBitmap grey, double degrees)
    {
        var (width, height) = (grey.Width, grey.Height);
        var turned = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        var from = grey.GetPixelSpan();
        var to = turned.GetPixelSpan();
        var (fromRow, toRow) = (grey.RowBytes, turned.RowBytes);
        // Each target pixel's source is the target turned back: along a target row, it moves by (cos, −sin).
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        var (dx, cx, cy) = (0.5 - width / 2.0, width / 2.0, height / 2.0);
        for (var y = 0; y < height; y++)
        {
            var dy = y + 0.5 - cy;
            var (sx, sy) = (dx * cos + dy * sin + cx - 0.5, -dx * sin + dy * cos + cy - 0.5);
            for (var x = 0; x < width; x++, sx += cos, sy -= sin)
            {
                var (ix, iy) = ((int)Math.Floor(sx), (int)Math.Floor(sy));
                if (ix < 0 || iy < 0 || ix >= width - 1 || iy >= height - 1)
                {
                    to[y * toRow + x] = 255;
                    continue;
                }
                var (fx, fy) = (sx - ix, sy - iy);
                var i = iy * fromRow + ix;
                var top = from[i] + (from[i + 1] - from[i]) * fx;
                var bottom = from[i + fromRow] + (from[i + fromRow + 1] - from[i + fromRow]) * fx;
                to[y * toRow + x] = (byte)(top + (bottom - top) * fy + 0.5);
            }
        }
        return turned;
    }

    private static double Best(List<(double X, double Y)> ink, long[] bins, double from, double to, double step)
    {
        var (best, bestScore) = (0.0, -1.0);
        for (var i = 0; from + i * step <= to + 1e-9; i++)
        {
            var angle = from + i * step;
            var score = Sharpness(ink, bins, angle);
            if (score > bestScore) (best, bestScore) = (angle, score);
        }
        return best;
    }

    /// <summary>
    /// The sum of squared row sums when the ink is turned back by <paramref name="degrees"/> (with the ink's total
    /// fixed, the larger the more the rows vary), or of column sums when those vary more.
    /// </summary>
    private static double Sharpness(List<(double X, double Y)> ink, long[] bins, double degrees)
    {
        var (sin, cos) = Math.SinCos(degrees * Math.PI / 180);
        return Math.Max(Squares(ink, bins, p => p.Y * cos - p.X * sin), Squares(ink, bins, p => p.X * cos + p.Y * sin));
    }

    private static double Squares(List<(double X, double Y)> ink, long[] bins, Func<(double X, double Y), double> across)
    {
        Array.Clear(bins);
        var centre = bins.Length / 2;
        foreach (var p in ink) bins[centre + (int)Math.Round(across(p))]++;
        double sum = 0;
        foreach (var b in bins) sum += (double)b * b;
        return sum;
    }
}
