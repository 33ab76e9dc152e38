namespace ThiDua.Core.Import;

/// <summary>Import:* in appsettings.json: what reading one plan file may cost before it is refused with its reason.</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Reading and drafting one file stop after this many seconds: a plan takes well under one.</summary>
    public int MaxSeconds { get; set; } = 30;

    /// <summary>A PDF with more pages is refused before its text is extracted: a plan has a few dozen.</summary>
    public int MaxPdfPages { get; set; } = 200;

    /// <summary>The text a file may hold, in MB: a real plan is a few hundred KB at most.</summary>
    public int MaxTextMegabytes { get; set; } = 2;

    public long MaxTextBytes => MaxTextMegabytes * 1024L * 1024;

    /// <summary>A scan (PDF without text, photos) with more pages is refused before any page is read by OCR.</summary>
    public int MaxScanPages { get; set; } = 30;

    /// <summary>Reading a scan by OCR stops after this many seconds (in place of MaxSeconds): a page takes a few seconds.</summary>
    public int MaxScanSeconds { get; set; } = 300;

    /// <summary>The OCR program (tesseract, with its Vietnamese data): a name on the PATH or a full path.</summary>
    public string Tesseract { get; set; } = "tesseract";

    /// <summary>The program that turns a scanned PDF's pages into images (poppler's pdftoppm).</summary>
    public string Pdftoppm { get; set; } = "pdftoppm";

    /// <summary>Why these limits cannot be used, or null when they can.</summary>
    public string? Problem() =>
        MaxSeconds is < 1 or > 3600 ? $"Import:MaxSeconds phải từ 1 đến 3600 (đang là {MaxSeconds})"
        : MaxPdfPages is < 1 or > 100_000 ? $"Import:MaxPdfPages phải từ 1 đến 100000 (đang là {MaxPdfPages})"
        : MaxTextMegabytes is < 1 or > 15 ? $"Import:MaxTextMegabytes phải từ 1 đến 15 (đang là {MaxTextMegabytes})"
        : MaxScanPages is < 1 or > 500 ? $"Import:MaxScanPages phải từ 1 đến 500 (đang là {MaxScanPages})"
        : MaxScanSeconds is < 10 or > 7200 ? $"Import:MaxScanSeconds phải từ 10 đến 7200 (đang là {MaxScanSeconds})"
        : string.IsNullOrWhiteSpace(Tesseract) ? "Import:Tesseract phải là tên hoặc đường dẫn chương trình tesseract"
        : string.IsNullOrWhiteSpace(Pdftoppm) ? "Import:Pdftoppm phải là tên hoặc đường dẫn chương trình pdftoppm"
        : null;
}
