using System.Globalization;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// What the reviewer of a scanned plan is told: how the scan was read (pages, confidence, pages left out), and, for
/// every reviewed field whose value rests on a line read with low confidence, that line exactly as read, so the
/// value is checked against the paper rather than trusted.
/// </summary>
internal static class ScanFlags
{
    public static List<ImportFlag> For(Campaign c, ScannedText scan)
    {
        var low = scan.Lines.Count(l => l.Confidence < ScannedText.LowConfidence);
        var flags = new List<ImportFlag>
        {
            new("document", $"đọc từ bản quét bằng OCR ({scan.Pages} trang, độ tin cậy trung bình {scan.Confidence}%, {low} dòng dưới {ScannedText.LowConfidence}%): đối chiếu với bản giấy"),
        };
        flags.AddRange(scan.SkippedPages.Select(s => new ImportFlag("document", $"đã bỏ qua {s}")));
        var folded = scan.Lines.Select(l => Key(l.Text)).ToList();
        void Check(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            if (Weakest(value, scan, folded) is { } line)
                flags.Add(new ImportFlag(field, $"dựa trên dòng đọc kém (độ tin cậy {line.Confidence}%), đọc được: “{line.AsRead}”"));
        }
        var d = c.Document;
        Check("document.number", d.Number);
        Check("document.issuedOn", d.IssuedOn is { } on ? $"ngày {on.Day} tháng {on.Month} năm {on.Year}" : null);
        Check("document.title", d.Title.StartsWith("Kế hoạch ", StringComparison.Ordinal) ? d.Title[9..] : d.Title);
        Check("document.signer", d.Signer);
        Check("area.issuer", d.Issuer);
        foreach (var p in c.Phases) Check($"phases.{p.Id}", $"{p.Name} {Date(p.Start)} {Date(p.End)}");
        foreach (var a in c.Awards) Check($"awards.{a.Id}", a.Name);
        foreach (var x in c.Dossier?.Components ?? []) Check($"dossier.{x.Id}", x.Name);
        foreach (var x in c.Deadlines) Check($"deadlines.{x.Id}", x.Wording);
        return flags;
    }

    private static string Date(DateOnly d) => d.ToString("d/M/yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The least sure line the value was read from: the lines holding one of its three-word runs (or the whole value
    /// when shorter), a run found on more than two lines being too common to say where the value came from.
    /// </summary>
    private static ScannedLine? Weakest(string value, ScannedText scan, List<string> folded)
    {
        var words = Key(value).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var runs = words.Length <= 3 ? [string.Join(' ', words)] : Enumerable.Range(0, words.Length - 2).Select(i => string.Join(' ', words[i..(i + 3)]));
        var sources = new HashSet<int>();
        foreach (var run in runs)
        {
            var at = folded.Select((l, i) => (l, i)).Where(x => Contains(x.l, run)).Select(x => x.i).Take(3).ToList();
            if (at.Count is > 0 and <= 2) sources.UnionWith(at);
        }
        return sources.Select(i => scan.Lines[i]).Where(l => l.Confidence < ScannedText.LowConfidence).MinBy(l => l.Confidence);
    }

    /// <summary>Folded, punctuation as spaces: "217/KH-UBND" and "217 /KH-UBND" are the same words.</summary>
    private static string Key(string text) => string.Join(' ', System.Text.RegularExpressions.Regex.Split(VietnameseText.Fold(text), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0));

    private static bool Contains(string line, string run) => $" {line} ".Contains($" {run} ", StringComparison.Ordinal);
}
