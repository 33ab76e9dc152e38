using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Import;

/// <summary>
/// A plan's table of tasks by time: rows "1 — Ban hành … — Sở Nội vụ — Văn phòng UBND tỉnh" under group rows
/// "I — Nhiệm vụ thực hiện trong Quý I", or rows that carry their own time ("Quý I — … — …", "… — Tháng 3/2025").
/// The columns are read from the header row ("Nhiệm vụ cụ thể — Đơn vị chủ trì — Đơn vị phối hợp — Thời gian");
/// a cell that ran onto a row of its own is joined back to its task.
/// </summary>
internal static partial class PlanTasks
{
    [GeneratedRegex(@"^(?:quý|quy)\s+(?:IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*\d{4})?$|^tháng\s+\d{1,2}(?:\s*(?:/|năm)\s*\d{4})?$|^(?:cả năm|thường xuyên)", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodCell();

    [GeneratedRegex(@"^(?:[IVX]{1,4}\s+)?(?:(?:Các\s+)?[Nn]hiệm vụ\s+(?:thực hiện\s+)?(?:trong\s+)?)?(?<p>(?:[Qq]uý|[Tt]háng)\s+\S+(?:\s*(?:/|năm)\s*\d{4})?|(?:thường xuyên|[Tt]hường xuyên|cả năm|[Cc]ả năm)[^—]*)$")]
    private static partial Regex GroupRow();

    [GeneratedRegex(@"^[IVX]{1,4}$")]
    private static partial Regex Roman();

    private sealed record Columns(int Count, int Text, int Lead, int Coordinate, int Time, string LeadLabel, string CoordinateLabel);

    /// <summary>The tasks, and the parts of the plan the table took (its rows are read here, not as sentences).</summary>
    public static (List<ScheduledTask> Tasks, HashSet<PlanPart> Rows) Read(PlanReading r)
    {
        var tasks = new List<ScheduledTask>();
        var rows = new HashSet<PlanPart>(ReferenceEqualityComparer.Instance);
        Columns? columns = null;
        string? period = null;
        DateOnly? due = null;
        var inTable = false;
        foreach (var part in r.Sections.Body)
        {
            var cells = part.Text.Split(PlanTextCleaner.CellSeparator).Select(c => c.Trim()).ToList();
            if (part.IsTableRow && HeaderOf(cells) is { } header) { (columns, inTable, period, due) = (header, true, null, null); rows.Add(part); continue; }
            if (!part.IsTableRow && !inTable) continue;
            var single = cells.Count == 1 || cells.Count == 2 && Roman().IsMatch(cells[0]);
            var only = cells[^1];
            if (single && GroupRow().Match(only) is { Success: true } g)
            {
                period = TextCasing.Capitalise(g.Groups["p"].Value.Trim());
                due = PeriodCell().IsMatch(period) && !period.StartsWith("Thường", StringComparison.Ordinal) && !period.StartsWith("Cả", StringComparison.Ordinal) ? r.Dates(period).FirstOrDefault()?.Due : null;
                inTable = true;
                rows.Add(part);
                continue;
            }
            if (!part.IsTableRow)
            {
                // A cell's overflow starts in lower case; anything else ends the table.
                if (inTable && tasks.Count > 0 && char.IsLower(part.Text[0]) && !part.IsHeading) { tasks[^1] = tasks[^1] with { Text = $"{tasks[^1].Text} {part.Text}" }; rows.Add(part); continue; }
                inTable = false;
                continue;
            }
            if (!inTable && !cells.Any(c => PeriodCell().IsMatch(c))) continue;
            inTable = true;
            var number = cells[0].Length > 0 && cells[0].All(char.IsDigit) ? cells[0] : null;
            var own = cells.FindIndex(c => PeriodCell().IsMatch(c));
            var rowPeriod = own >= 0 ? TextCasing.Capitalise(cells[own]) : period;
            if (rowPeriod is null) continue;
            string? text, lead, coordinate, time = null;
            if (columns is not null && cells.Count == columns.Count)
                (text, lead, coordinate, time) = (Cell(cells, columns.Text), Cell(cells, columns.Lead), Cell(cells, columns.Coordinate), Cell(cells, columns.Time));
            else
            {
                // No header to go by: the task, then who leads, then who helps.
                var rest = cells.Where((_, i) => i != own && !(i == 0 && number is not null)).ToList();
                (text, lead, coordinate) = (Cell(rest, 0), Cell(rest, 1), Cell(rest, 2));
            }
            if (text is null) continue;
            var responsible = lead is null ? null : $"{columns?.LeadLabel ?? "Chủ trì"}: {lead}" + (coordinate is null ? "" : $"; {columns?.CoordinateLabel ?? "phối hợp"}: {coordinate}");
            var rowDue = (time ?? (own >= 0 ? rowPeriod : null)) is { } t && r.Dates(t).FirstOrDefault() is { } d ? d.Due : due;
            var roman = part.Section.Split('.')[0];
            rows.Add(part);
            tasks.Add(new ScheduledTask
            {
                Period = rowPeriod,
                Text = text,
                Responsible = responsible,
                Due = rowDue,
                Section = $"{roman} (bảng nhiệm vụ), {rowPeriod}" + (number is null ? "" : $", STT {number}"),
            });
        }
        return (tasks, rows);
    }

    private static string? Cell(List<string> row, int index) => index >= 0 && index < row.Count && row[index].Length > 0 ? row[index] : null;

    /// <summary>A header row names the task column and who does it: "Nhiệm vụ cụ thể — Đơn vị chủ trì — Đơn vị phối hợp".</summary>
    private static Columns? HeaderOf(List<string> cells)
    {
        var folded = cells.Select(VietnameseText.Fold).ToList();
        var text = folded.FindIndex(c => Regex.IsMatch(c, @"\b(?:nhiem vu|noi dung|cong viec|hoat dong)\b"));
        var lead = folded.FindIndex(c => Regex.IsMatch(c, @"\b(?:chu tri|thuc hien|trach nhiem)\b") && !c.Contains("phoi hop", StringComparison.Ordinal) && !Regex.IsMatch(c, @"\bthoi (?:gian|han)\b"));
        if (text < 0 || lead < 0 || lead == text) return null;
        var coordinate = folded.FindIndex(c => c.Contains("phoi hop", StringComparison.Ordinal));
        var time = folded.FindIndex(c => Regex.IsMatch(c, @"\b(?:thoi gian|thoi han|tien do|hoan thanh)\b"));
        static string Label(string header) => Regex.Replace(header, @"^(?:Đơn vị|Cơ quan)\s+", "");
        return new Columns(cells.Count, text, lead, coordinate, time, TextCasing.Capitalise(Label(cells[lead])), coordinate < 0 ? "phối hợp" : TextCasing.Uncapitalise(Label(cells[coordinate])));
    }
}
