using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ThiDua.Core.Import;

/// <summary>
/// A Word body as the importer reads text: one line per paragraph (a line break inside it stays a line break),
/// data tables row by row ("| ô | ô |"), and the tables Word users lay a page out with — the header (issuer, number
/// | motto, place and date) and the signature (recipients | signer) — as the lines they show, cell after cell.
/// Only the text a reader sees is taken: not deleted revisions, not field codes; list numbers Word draws are put back.
/// </summary>
internal sealed class WordText(WordNumbering numbering)
{
    /// <summary>A layout table is small: the header and the signature block are one or two rows of two or three cells.</summary>
    private const int LayoutMaxRows = 3, LayoutMaxColumns = 3;

    public void Append(StringBuilder text, OpenXmlElement element, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (element)
        {
            case Paragraph paragraph:
                text.Append(numbering.Next(paragraph)).Append(Line(paragraph)).Append("\n\n");
                break;
            case Table table:
                AppendTable(text, table);
                break;
            case SdtBlock block:
                // A content control (a form field, a cover page) wraps ordinary paragraphs and tables.
                foreach (var child in block.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
                    Append(text, child, cancellationToken);
                break;
        }
    }

    private void AppendTable(StringBuilder text, Table table)
    {
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(CellLines).ToList()).ToList();
        if (IsLayout(rows))
        {
            foreach (var line in rows.SelectMany(r => r).SelectMany(c => c)) text.Append(line).Append('\n');
            text.Append('\n');
            return;
        }
        foreach (var row in rows)
            text.Append("| ").AppendJoin(" | ", row.Select(lines => string.Join(' ', lines))).Append(" |\n");
    }

    /// <summary>Few rows and cells, and some cell of several lines: placed text, not a table of data.</summary>
    private static bool IsLayout(List<List<List<string>>> rows) =>
        rows.Count is > 0 and <= LayoutMaxRows
        && rows.All(r => r.Count <= LayoutMaxColumns)
        && rows.Any(r => r.Any(lines => lines.Count > 1));

    /// <summary>The non-empty lines of a cell, nested tables' cells included, in reading order.</summary>
    private List<string> CellLines(TableCell cell) =>
        [.. cell.Descendants<Paragraph>()
            .SelectMany(p => (numbering.Next(p) + Line(p)).Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)];

    /// <summary>A paragraph's visible text: runs' text, tabs as spaces, breaks as new lines.</summary>
    private static string Line(Paragraph paragraph)
    {
        var line = new StringBuilder();
        foreach (var part in paragraph.Descendants())
            switch (part)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    line.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    line.Append(' ');
                    break;
                case Break or CarriageReturn:
                    line.Append('\n');
                    break;
            }
        return line.ToString();
    }
}
