using SkiaSharp;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// A page photo or scan made ready for OCR: turned as the camera recorded, shrunk when huge, reduced to its red
/// channel, where a red seal or stamp fades to paper while black (and blue) ink stays dark, cut to the sheet when it
/// lies on a darker desk (<see cref="SheetCrop"/>) and straightened when a little askew (<see cref="Deskew"/>). A page
/// too small or too dark to read is refused here with its reason, before tesseract spends time on it.
/// </summary>
internal static class PageImage
{
    /// <summary>A page needs this many pixels on its short side: 50×50 is a thumbnail, a phone photo has thousands.</summary>
    public const int MinSide = 500;
    /// <summary>Larger photos are shrunk to this long side (about 300 dpi for A4): more pixels only slow tesseract.</summary>
    private const int MaxSide = 3600;
    /// <summary>A sheet whose mean brightness (0–255) is below this is too dark to read: paper is well above 150.</summary>
    private const int MinBrightness = 60;

    /// <returns>Why the page cannot be read, or null when <paramref name="target"/> (a grey PNG) is ready.</returns>
    public static string? Prepare(string source, string target)
    {
        using var codec = SKCodec.Create(source);
        if (codec is null) return "không phải tệp ảnh đọc được (cần ảnh JPEG hoặc PNG)";
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (Math.Min(width, height) < MinSide)
            return $"ảnh quá nhỏ ({width}×{height} điểm ảnh, cần ít nhất {MinSide} mỗi chiều): chụp cả trang, đủ gần và rõ nét";
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null) return "ảnh hỏng, không giải mã được";
        using var upright = Oriented(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        using var sized = scale < 1 ? upright.Resize(new SKImageInfo((int)(upright.Width * scale), (int)(upright.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear)) : null;
        using var grey = RedChannel(sized ?? upright);
        using var sheet = Sheet(grey);
        // Measured on the sheet, not the photo: a white page on a dark desk is bright enough to read.
        var brightness = Mean(sheet);
        if (brightness < MinBrightness)
            return $"ảnh quá tối (độ sáng trung bình {brightness}/255): chụp lại nơi đủ sáng, không để bóng che trang";
        Save(sheet, target);
        return null;
    }

    /// <summary>The sheet cut out of the photo and straightened; the whole photo, straightened, when no sheet stands out.</summary>
    private static SKBitmap Sheet(SKBitmap grey)
    {
        var found = Cut(grey, SheetCrop.Find(grey));
        var tilt = Deskew.Tilt(found);
        if (Math.Abs(tilt) < Deskew.MinTilt) return found;
        found.Dispose();
        // The whole photo is turned and the sheet found again: turning the cut would bring the desk at its corners in.
        using var straight = Deskew.Turned(grey, -tilt);
        return Cut(straight, SheetCrop.Find(straight));
    }

    /// <summary>A copy of <paramref name="box"/> (all of <paramref name="grey"/> when null), row by row: Skia's copy of a grey image is slow.</summary>
    private static SKBitmap Cut(SKBitmap grey, SKRectI? box)
    {
        var b = box ?? SKRectI.Create(grey.Width, grey.Height);
        var cut = new SKBitmap(new SKImageInfo(b.Width, b.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var from = grey.GetPixelSpan();
        var to = cut.GetPixelSpan();
        for (var y = 0; y < b.Height; y++)
            from.Slice((b.Top + y) * grey.RowBytes + b.Left, b.Width).CopyTo(to.Slice(y * cut.RowBytes, b.Width));
        return cut;
    }

    /// <summary>Turns the PNG at <paramref name="path"/> clockwise by a multiple of 90°, as tesseract's orientation check says.</summary>
    public static void Rotate(string path, int degrees)
    {
        using var page = SKBitmap.Decode(path);
        using var turned = Turned(page, degrees);
        Save(turned, path);
    }

    private static SKBitmap Oriented(SKBitmap bitmap, SKEncodedOrigin origin) => origin switch
    {
        SKEncodedOrigin.BottomRight => Turned(bitmap, 180),
        SKEncodedOrigin.RightTop => Turned(bitmap, 90),
        SKEncodedOrigin.LeftBottom => Turned(bitmap, 270),
        _ => bitmap.Copy(),
    };

    /// <summary>A copy turned clockwise by a multiple of 90°.</summary>
    public static SKBitmap Turned(SKBitmap bitmap, int degrees)
    {
        var sideways = degrees is 90 or 270;
        var turned = new SKBitmap(sideways ? bitmap.Height : bitmap.Width, sideways ? bitmap.Width : bitmap.Height, bitmap.ColorType, bitmap.AlphaType);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        using var image = SKImage.FromBitmap(bitmap);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return turned;
    }

    private static SKBitmap RedChannel(SKBitmap source)
    {
        using var rgba = source.Copy(SKColorType.Rgba8888);
        var grey = new SKBitmap(new SKImageInfo(rgba.Width, rgba.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var from = rgba.GetPixelSpan();
        var to = grey.GetPixelSpan();
        var rowFrom = rgba.RowBytes;
        var rowTo = grey.RowBytes;
        for (var y = 0; y < rgba.Height; y++)
            for (var x = 0; x < rgba.Width; x++)
                to[y * rowTo + x] = from[y * rowFrom + x * 4];
        return grey;
    }

    private static int Mean(SKBitmap grey)
    {
        var pixels = grey.GetPixelSpan();
        long sum = 0;
        for (var y = 0; y < grey.Height; y++)
            foreach (var p in pixels.Slice(y * grey.RowBytes, grey.Width)) sum += p;
        return (int)(sum / Math.Max(1L, (long)grey.Width * grey.Height));
    }

    private static void Save(SKBitmap bitmap, string path)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        png.SaveTo(file);
    }
}
