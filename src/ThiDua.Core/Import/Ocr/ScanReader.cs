using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// Reads a plan that has no text layer: a scanned PDF (pages rasterised by pdftoppm) or a photo of a page. Each page
/// is checked (size, brightness), turned upright by tesseract's orientation check, read in Vietnamese with a
/// confidence per word, and repaired (<see cref="ScanRepair"/>). Pages run side by side, one per core, in a
/// temporary folder removed afterwards. The caller bounds the time (Import:MaxScanSeconds) through the token.
/// </summary>
/// <param name="vocabulary">The words of the plans the bot already has (<see cref="Vocabulary"/>), to repair low-confidence words; made only when a scan is read. Null repairs digits only.</param>
public sealed partial class ScanReader(ImportOptions options, Func<TypoCorrector>? vocabulary = null)
{
    /// <summary>Rasterising resolution: 250 dpi keeps a plan's diacritics legible at a few seconds a page.</summary>
    public const int Dpi = 250;
    /// <summary>A page is a document when this many letters were recognised (a plan page holds well over a thousand).</summary>
    private const int MinLetters = 80;
    /// <summary>Below this mean confidence what was "recognised" is noise: a photo of something else.</summary>
    private const int MinPageConfidence = 40;
    /// <summary>Tesseract's orientation guess is taken from this confidence on (its own scale; a clear page gives 5–20).</summary>
    private const double MinOrientationConfidence = 1.5;

    public static bool IsImage(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png";

    /// <summary>The lower-case words of plan texts, with their diacritics: what <see cref="ScanRepair"/> repairs towards.</summary>
    public static TypoCorrector Vocabulary(IEnumerable<string> planTexts) =>
        new(planTexts.SelectMany(t => t.Split('\n')).Select(line => (IReadOnlyList<string>)[.. Word().Matches(line.Normalize(System.Text.NormalizationForm.FormC).ToLowerInvariant()).Select(m => m.Value)]));

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [GeneratedRegex(@"Rotate:\s*(?<r>\d+)")]
    private static partial Regex OsdRotate();

    [GeneratedRegex(@"Orientation confidence:\s*(?<c>[\d.]+)")]
    private static partial Regex OsdConfidence();

    /// <summary>A scanned PDF of <paramref name="pages"/> pages; more than Import:MaxScanPages is refused before any page is read.</summary>
    public async Task<ScannedText> ReadPdfAsync(Stream pdf, int pages, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        if (pages > options.MaxScanPages)
            throw new InvalidDataException($"bản quét có {pages} trang, quá {options.MaxScanPages} trang (giới hạn Import:MaxScanPages) nên chưa đọc trang nào: gửi riêng phần kế hoạch, hoặc bản .docx hay PDF có chữ");
        using var folder = new ScanFolder();
        var file = folder.File("plan.pdf");
        await using (var copy = File.Create(file)) await pdf.CopyToAsync(copy, ct);
        return await ReadPagesAsync(folder, pages, photos: false, async (page, target, token) =>
        {
            var stem = Path.Combine(folder.Path, $"raw-{page}");
            var run = await ScanTools.RunAsync(options.Pdftoppm, ["-f", Num(page), "-l", Num(page), "-r", Num(Dpi), "-png", "-singlefile", file, stem], token);
            if (run.ExitCode != 0 || !File.Exists(stem + ".png")) throw new InvalidDataException($"không chuyển được trang {page} của PDF thành ảnh ({Short(run.Stderr)})");
            return PageImage.Prepare(stem + ".png", target);
        }, progress, ct);
    }

    /// <summary>A photo (JPEG, PNG) of one page.</summary>
    public async Task<ScannedText> ReadImageAsync(Stream image, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        await image.CopyToAsync(copy, ct);
        return await ReadImagesAsync([copy.ToArray()], progress, ct);
    }

    /// <summary>Photos of a plan's pages, in order (<see cref="PageBundle"/>): one scan, as if they were one file.</summary>
    public async Task<ScannedText> ReadImagesAsync(IReadOnlyList<byte[]> images, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        if (images.Count > options.MaxScanPages)
            throw new InvalidDataException($"có {images.Count} ảnh trang, quá {options.MaxScanPages} trang (giới hạn Import:MaxScanPages) nên chưa đọc trang nào");
        using var folder = new ScanFolder();
        for (var i = 0; i < images.Count; i++) await File.WriteAllBytesAsync(folder.File($"photo-{i + 1}"), images[i], ct);
        return await ReadPagesAsync(folder, images.Count, photos: true, (page, target, _) => Task.FromResult(PageImage.Prepare(folder.File($"photo-{page}"), target)), progress, ct);
    }

    /// <param name="photos">Photos are turned upright before they are read (often sideways); scanned pages only when they read badly.</param>
    /// <param name="prepare">Makes page N's image ready at the path given; returns why the page cannot be read, or null.</param>
    private async Task<ScannedText> ReadPagesAsync(ScanFolder folder, int pages, bool photos, Func<int, string, CancellationToken, Task<string?>> prepare, IProgress<ScanProgress>? progress, CancellationToken ct)
    {
        var read = new (List<ScannedLine> Lines, string? Refused)[pages];
        var started = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, pages), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, async (page, token) =>
        {
            progress?.Report(new ScanProgress(Interlocked.Increment(ref started), pages));
            var image = folder.File($"page-{page}.png");
            read[page - 1] = await prepare(page, image, token) is { } refused ? ([], refused) : await ReadPageAsync(image, page, photos, token);
        });
        var skipped = read.Select((p, i) => p.Refused is null ? null : pages == 1 ? p.Refused : $"trang {i + 1}: {p.Refused}").OfType<string>().ToList();
        if (skipped.Count == pages)
            throw new InvalidDataException(pages == 1 ? skipped[0] : $"không đọc được trang nào ({string.Join("; ", skipped)})");
        var words = vocabulary?.Invoke();
        return new ScannedText([.. read.SelectMany(p => p.Lines).Select(l => ScanRepair.Repair(l, words))], pages, skipped);
    }

    private async Task<(List<ScannedLine>, string?)> ReadPageAsync(string image, int page, bool photo, CancellationToken ct)
    {
        if (photo) await UprightAsync(image, ct);
        var read = await RecogniseAsync(image, page, ct);
        // A scanned page that reads badly may be sideways: checking every page's orientation would cost a second a page.
        if (!photo && read.Refused is not null && await UprightAsync(image, ct)) read = await RecogniseAsync(image, page, ct);
        return read;
    }

    private async Task<(List<ScannedLine> Lines, string? Refused)> RecogniseAsync(string image, int page, CancellationToken ct)
    {
        var run = await ScanTools.RunAsync(options.Tesseract, [image, "stdout", "-l", "vie", "--psm", "3", "tsv"], ct);
        if (run.ExitCode != 0)
            throw run.Stderr.Contains("vie", StringComparison.Ordinal) && run.Stderr.Contains("load", StringComparison.OrdinalIgnoreCase)
                ? ScanTools.Missing("tesseract không có dữ liệu tiếng Việt, gói tesseract-ocr-vie")
                : new InvalidDataException($"tesseract không đọc được trang {page} ({Short(run.Stderr)})");
        var lines = TesseractTsv.Lines(run.Stdout, page);
        var letters = lines.Sum(l => l.Text.Count(char.IsLetter));
        var confidence = new ScannedText(lines, 1, []).Confidence;
        return letters < MinLetters || confidence < MinPageConfidence
            ? ([], $"nhận ra quá ít chữ ({letters} chữ cái, độ tin cậy {confidence}%): có vẻ không phải ảnh chụp văn bản, hoặc ảnh mờ, nhòe")
            : (lines, null);
    }

    /// <summary>A page photographed sideways or upside down is turned as tesseract's orientation check says; an unsure check leaves it.</summary>
    /// <returns>Whether the page was turned.</returns>
    private async Task<bool> UprightAsync(string image, CancellationToken ct)
    {
        var osd = await ScanTools.RunAsync(options.Tesseract, [image, "stdout", "--psm", "0"], ct);
        if (osd.ExitCode != 0 || OsdRotate().Match(osd.Stdout) is not { Success: true } rotate) return false;
        var degrees = int.Parse(rotate.Groups["r"].Value, CultureInfo.InvariantCulture);
        var sure = OsdConfidence().Match(osd.Stdout) is { Success: true } c && double.Parse(c.Groups["c"].Value, CultureInfo.InvariantCulture) >= MinOrientationConfidence;
        if (degrees is not (90 or 180 or 270) || !sure) return false;
        PageImage.Rotate(image, degrees);
        return true;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Short(string stderr) => stderr.Trim() is { Length: > 0 } s ? s[..Math.Min(200, s.Length)] : "không rõ lỗi";

    /// <summary>The temporary folder a scan's page images live in while it is read.</summary>
    private sealed class ScanFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("thidua-scan-").FullName;

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { /* a killed tesseract may still hold a file a moment; the OS temp cleaner takes it */ }
        }
    }
}
