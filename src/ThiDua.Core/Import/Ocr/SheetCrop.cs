using SkiaSharp;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// Finds the sheet of paper in a phone photo of a page lying on a desk: the largest bright region, bright being
/// above the Otsu threshold between paper and desk, searched on a small copy. Cropping to it keeps the desk out of
/// the brightness check and of tesseract's layout analysis.
/// </summary>
internal static class SheetCrop
{
    /// <summary>The search runs on a copy with this long side: a sheet's outline needs no more.</summary>
    private const int SearchSide = 400;
    /// <summary>Paper and background this close in brightness (0–255) are one surface: a scan, or a page filling the photo.</summary>
    private const int MinContrast = 40;
    /// <summary>A bright region covering less of the photo than this is a reflection or a label, not the page.</summary>
    private const double MinShare = 0.15;
    /// <summary>The crop keeps this share of the sheet's size around it, so a slightly rounded edge is not cut.</summary>
    private const double Margin = 0.01;

    /// <returns>The sheet's box in <paramref name="grey"/>, or null when no sheet stands out from its background.</returns>
    public static SKRectI? Find(SKBitmap grey)
    {
        var cell = Math.Max(1, (Math.Max(grey.Width, grey.Height) + SearchSide - 1) / SearchSide);
        var (small, width, height) = Shrunk(grey, cell);
        var (threshold, contrast) = Otsu(small);
        if (contrast < MinContrast) return null;

        var box = LargestBright(small, width, height, threshold, out var size);
        if (size < MinShare * width * height) return null;
        var (dx, dy) = ((int)Math.Ceiling(box.Width * Margin) + 1, (int)Math.Ceiling(box.Height * Margin) + 1);
        var found = SKRectI.Create((box.Left - dx) * cell, (box.Top - dy) * cell, (box.Width + 2 * dx) * cell, (box.Height + 2 * dy) * cell);
        found.Intersect(SKRectI.Create(grey.Width, grey.Height));
        return found;
    }

    /// <summary>The mean of each <paramref name="cell"/>×<paramref name="cell"/> block: text blurs into the paper, the edges stay.</summary>
    internal static (byte[] Small, int Width, int Height) Shrunk(SKBitmap grey, int cell)
    {
        var (width, height) = ((grey.Width + cell - 1) / cell, (grey.Height + cell - 1) / cell);
        var sums = new int[width * height];
        var counts = new int[width * height];
        var pixels = grey.GetPixelSpan();
        for (var y = 0; y < grey.Height; y++)
        {
            var row = pixels.Slice(y * grey.RowBytes, grey.Width);
            var at = y / cell * width;
            for (var x = 0; x < row.Length; x++)
            {
                sums[at + x / cell] += row[x];
                counts[at + x / cell]++;
            }
        }
        return ([.. sums.Select((s, i) => (byte)(s / counts[i]))], width, height);
    }

    /// <returns>Otsu's threshold (bright is above it), and how far apart the means of the two sides are.</returns>
    internal static (int Threshold, double Contrast) Otsu(ReadOnlySpan<byte> pixels)
    {
        var histogram = new long[256];
        foreach (var p in pixels) histogram[p]++;
        double total = pixels.Length, sum = 0;
        for (var i = 0; i < 256; i++) sum += i * (double)histogram[i];
        double below = 0, belowSum = 0, best = -1;
        var (threshold, contrast) = (0, 0.0);
        for (var t = 0; t < 255; t++)
        {
            below += histogram[t];
            belowSum += t * (double)histogram[t];
            if (below == 0 || below == total) continue;
            var (darkMean, brightMean) = (belowSum / below, (sum - belowSum) / (total - below));
            var between = below * (total - below) * (brightMean - darkMean) * (brightMean - darkMean);
            if (between > best) (best, threshold, contrast) = (between, t, brightMean - darkMean);
        }
        return (threshold, contrast);
    }

    /// <summary>The bounding box of the largest 4-connected region brighter than <paramref name="threshold"/>, and its size in cells.</summary>
    private static SKRectI LargestBright(byte[] small, int width, int height, int threshold, out int size)
    {
        var seen = new bool[small.Length];
        var stack = new Stack<int>();
        var (box, best) = (SKRectI.Empty, 0);
        for (var start = 0; start < small.Length; start++)
        {
            if (seen[start] || small[start] <= threshold) continue;
            var (left, top, right, bottom, count) = (width, height, 0, 0, 0);
            seen[start] = true;
            stack.Push(start);
            while (stack.TryPop(out var i))
            {
                var (x, y) = (i % width, i / width);
                (left, top, right, bottom, count) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x), Math.Max(bottom, y), count + 1);
                foreach (var next in (ReadOnlySpan<int>)[x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1])
                    if (next >= 0 && !seen[next] && small[next] > threshold)
                    {
                        seen[next] = true;
                        stack.Push(next);
                    }
            }
            if (count > best) (box, best) = (new SKRectI(left, top, right + 1, bottom + 1), count);
        }
        size = best;
        return box;
    }
}
