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

    /// <summary>Why these limits cannot be used, or null when they can.</summary>
    public string? Problem() =>
        MaxSeconds is < 1 or > 3600 ? $"Import:MaxSeconds phải từ 1 đến 3600 (đang là {MaxSeconds})"
        : MaxPdfPages is < 1 or > 100_000 ? $"Import:MaxPdfPages phải từ 1 đến 100000 (đang là {MaxPdfPages})"
        : MaxTextMegabytes is < 1 or > 15 ? $"Import:MaxTextMegabytes phải từ 1 đến 15 (đang là {MaxTextMegabytes})"
        : null;
}
