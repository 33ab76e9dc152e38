using System.Text.RegularExpressions;
using ThiDua.Core.Import;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>
/// The rows of a plan's tables as answers read them. The outline gives a row a paragraph of its own, numbered as if
/// "3 — Chỉ đạo …" opened section 3; here a row stands under the section its table is in and under its group row
/// ("IV — Nhiệm vụ thực hiện trong quý IV", or that line typed without a cell break), its number cell dropped, and a
/// cell's overflow on a line of its own ("đua và công tác …") goes back on its row.
/// </summary>
public static partial class TableRows
{
    [GeneratedRegex(@"^(?:[IVX]{1,5}|[A-Z])$")]
    private static partial Regex GroupNumber();

    [GeneratedRegex(@"^(?<n>[IVX]{1,5})\s+(?<title>\S.{0,100})$")]
    private static partial Regex GroupLine();

    public static IEnumerable<PlanParagraph> Arrange(IEnumerable<PlanParagraph> paragraphs)
    {
        PlanParagraph? table = null, row = null;
        string? group = null;
        foreach (var p in paragraphs)
        {
            var isRow = p.Text.Contains(PlanTextCleaner.CellSeparator, StringComparison.Ordinal);
            if (!isRow && table is not null)
            {
                if (row is not null && char.IsLower(p.Text[0]))
                {
                    row = row with { Text = row.Text + " " + p.Text };
                    continue;
                }
                if (GroupLine().Match(p.Text) is { Success: true } line)
                {
                    if (row is not null) yield return row;
                    (row, group) = (null, line.Groups["title"].Value.Trim());
                    continue;
                }
            }
            if (row is not null) yield return row;
            row = null;
            if (!isRow)
            {
                (table, group) = (null, null);
                yield return p;
                continue;
            }
            table ??= p;
            var cells = p.Text.Split(PlanTextCleaner.CellSeparator);
            var first = cells[0].Trim();
            if (cells.Length >= 2 && GroupNumber().IsMatch(first))
            {
                group = cells[1].Trim();
                continue;
            }
            List<string> headings = [.. table.Headings];
            if (group is not null) headings.Add(group);
            var text = cells.Length >= 2 && first.Length > 0 && first.All(char.IsDigit) ? string.Join(PlanTextCleaner.CellSeparator, cells[1..]) : p.Text;
            row = new PlanParagraph(group is null ? table.Section : $"{table.Section} ({group})", headings, text);
        }
        if (row is not null) yield return row;
    }
}
