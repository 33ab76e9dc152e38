using System.Globalization;

namespace ThiDua.Core.Import.Ocr;

/// <summary>A word as tesseract read it, with its confidence (0–100).</summary>
public sealed record ScannedWord(string Text, int Confidence);

/// <summary>
/// A line of a page, its words (repaired, see <see cref="ScanRepair"/>) and paragraph, and <see cref="AsRead"/>: the
/// line exactly as tesseract read it, shown to the reviewer. <see cref="Confidence"/> is the words' mean, weighted by length.
/// </summary>
public sealed record ScannedLine(int Page, int Paragraph, IReadOnlyList<ScannedWord> Words, string AsRead)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));

    public int Confidence => Words.Sum(w => w.Text.Length) is var letters and > 0
        ? (int)Math.Round(Words.Sum(w => (double)w.Confidence * w.Text.Length) / letters)
        : 0;
}

/// <summary>Tesseract's TSV output (one row a word: level, page, block, paragraph, line, word, box, confidence, text) as lines.</summary>
internal static class TesseractTsv
{
    private const int WordLevel = 5;

    public static List<ScannedLine> Lines(string tsv, int page)
    {
        var lines = new List<ScannedLine>();
        (int Block, int Par, int Line)? current = null;
        var words = new List<ScannedWord>();
        var paragraph = 0;
        (int, int)? lastParagraph = null;
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var level) || level != WordLevel) continue;
            var text = cells[11].Trim();
            if (text.Length == 0) continue;
            var key = (Int(cells[2]), Int(cells[3]), Int(cells[4]));
            if (current != key)
            {
                Flush();
                current = key;
                if (lastParagraph != (key.Item1, key.Item2)) (paragraph, lastParagraph) = (paragraph + 1, (key.Item1, key.Item2));
            }
            var confidence = double.TryParse(cells[10], CultureInfo.InvariantCulture, out var c) ? (int)Math.Round(Math.Clamp(c, 0, 100)) : 0;
            words.Add(new ScannedWord(text.Normalize(System.Text.NormalizationForm.FormC), confidence));
        }
        Flush();
        return lines;

        void Flush()
        {
            if (words.Count > 0) lines.Add(new ScannedLine(page, paragraph, [.. words], string.Join(' ', words.Select(w => w.Text))));
            words.Clear();
        }
    }

    private static int Int(string s) => int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
