using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ThiDua.Core.Import;

/// <summary>
/// A PDF page's text line by line, top to bottom, read from where the words sit. A plan exported from Word draws
/// its header (issuer, number | motto, place and date) and its signature (recipients | signer) as two columns on the
/// same lines; read across, "Nơi nhận: TM. ỦY BAN NHÂN DÂN" would hide the signer. Two columns side by side are
/// given as the left column's lines, then the right column's, as the Word cells hold them.
/// </summary>
internal static class PdfLines
{
    /// <summary>A gap this many font sizes wide between two words is a column gap, not a space (a justified line's spaces stay under one).</summary>
    private const double ColumnGap = 2.0;

    public static string Of(Page page)
    {
        // A turned page's words run along the other axis: the content order is the better guess there.
        if (page.Rotation.Value != 0) return ContentOrderTextExtractor.GetText(page);
        var lines = Lines(page.GetWords().Where(w => w.Letters.Count > 0 && !string.IsNullOrWhiteSpace(w.Text)));
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count;)
        {
            var segments = Segments(lines[i]);
            if (segments.Count == 2) i = AppendColumns(text, lines, i);
            else
            {
                text.AppendJoin(" ", segments.Select(Text)).Append('\n');
                i++;
            }
        }
        return text.ToString();
    }

    /// <summary>Words on one baseline, left to right; lines from the top of the page down.</summary>
    private static List<List<Word>> Lines(IEnumerable<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(Baseline).ThenBy(w => w.BoundingBox.Left))
        {
            if (lines.Count > 0 && Math.Abs(Baseline(lines[^1][0]) - Baseline(word)) <= 0.4 * Size(word)) lines[^1].Add(word);
            else lines.Add([word]);
        }
        foreach (var line in lines) line.Sort((a, b) => a.BoundingBox.Left.CompareTo(b.BoundingBox.Left));
        return lines;
    }

    /// <summary>A line cut where the gap between two words is wide enough to be between columns.</summary>
    private static List<List<Word>> Segments(List<Word> line)
    {
        var segments = new List<List<Word>> { new() { line[0] } };
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].BoundingBox.Left - line[i - 1].BoundingBox.Right;
            if (gap > ColumnGap * Size(line[i])) segments.Add([line[i]]);
            else segments[^1].Add(line[i]);
        }
        return segments;
    }

    /// <summary>
    /// From a line of two columns, the lines that go on in them (both, or one side only) are gathered; the first
    /// line that crosses the gap between them (a title, a paragraph) ends the block. Returns the next line's index.
    /// </summary>
    private static int AppendColumns(StringBuilder text, List<List<Word>> lines, int start)
    {
        var first = Segments(lines[start]);
        var middle = (first[0][^1].BoundingBox.Right + first[1][0].BoundingBox.Left) / 2;
        var (left, right) = (new List<string>(), new List<string>());
        var i = start;
        for (; i < lines.Count; i++)
        {
            var segments = Segments(lines[i]);
            if (segments.Count > 2) break;
            var inLeft = segments.Where(s => s[^1].BoundingBox.Right < middle).ToList();
            var inRight = segments.Where(s => s[0].BoundingBox.Left > middle).ToList();
            if (inLeft.Count + inRight.Count != segments.Count) break;
            left.AddRange(inLeft.Select(Text));
            right.AddRange(inRight.Select(Text));
        }
        foreach (var line in left.Concat(right)) text.Append(line).Append('\n');
        return i;
    }

    private static string Text(List<Word> segment) => string.Join(' ', segment.Select(w => w.Text));

    private static double Baseline(Word word) => word.Letters[0].StartBaseLine.Y;

    /// <summary>The word's font size on the page (its letters' height when the font does not say).</summary>
    private static double Size(Word word) => word.Letters[0].PointSize > 0 ? word.Letters[0].PointSize : Math.Max(1, word.BoundingBox.Height);
}
