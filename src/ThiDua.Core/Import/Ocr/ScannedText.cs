using System.Text;

namespace ThiDua.Core.Import.Ocr;

/// <summary>Where reading a scan is: page <see cref="Page"/> of <see cref="Pages"/> has started.</summary>
public sealed record ScanProgress(int Page, int Pages);

/// <summary>
/// A scan read by OCR: its lines (repaired, each with what was read and its confidence), the page count and the
/// pages left out with their reason. <see cref="Text"/> is what the importer reads, as it reads a text layer.
/// </summary>
public sealed record ScannedText(IReadOnlyList<ScannedLine> Lines, int Pages, IReadOnlyList<string> SkippedPages)
{
    /// <summary>Lines below this confidence (0–100) are shown to the reviewer with every field that rests on them.</summary>
    public const int LowConfidence = 75;

    /// <summary>A line a row; a blank line where tesseract saw a new paragraph or page (the cleaner joins broken lines).</summary>
    public string Text
    {
        get
        {
            var text = new StringBuilder();
            ScannedLine? previous = null;
            foreach (var line in Lines)
            {
                if (previous is not null && (previous.Page != line.Page || previous.Paragraph != line.Paragraph)) text.Append('\n');
                text.Append(line.Text).Append('\n');
                previous = line;
            }
            return text.ToString();
        }
    }

    /// <summary>The mean confidence of the letters read (0–100).</summary>
    public int Confidence => Lines.Sum(l => l.Text.Length) is var letters and > 0
        ? (int)Math.Round(Lines.Sum(l => (double)l.Confidence * l.Text.Length) / letters)
        : 0;
}
