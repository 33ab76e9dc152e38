using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// A list of plans for a phone screen: a first line, one line and one button per plan, a page at a time. What does
/// not fit the page is behind "Xem tiếp" (a province will have dozens of plans), never dropped silently.
/// </summary>
internal static class PlanList
{
    public const int PageSize = 5;
    /// <summary>Text and buttons together stay within what a phone shows without scrolling far.</summary>
    private const int ScreenBudget = 1400;

    /// <param name="more">The button that shows the next page from a position, or null when there is no next page to ask for.</param>
    public static Reply Build(string first, IReadOnlyList<Campaign> plans, Func<Campaign, string> line, QuestionKind buttonKind,
        int skip = 0, Func<int, Button>? more = null, string? last = null)
    {
        var page = plans.Skip(skip).Take(PageSize).ToList();
        var buttons = page.Select(c => QuestionPress.Ask(c.ShortName, buttonKind, c)).ToList();
        var rest = plans.Count - skip - page.Count;
        if (rest > 0 && more is not null) buttons.Add(more(skip + page.Count));
        var lines = new List<string> { first };
        var budget = ScreenBudget - buttons.Sum(b => b.Text.Length + b.Data.Length + 24) - first.Length - (last?.Length ?? 0) - 60;
        var perLine = Math.Max(80, budget / Math.Max(1, page.Count));
        lines.AddRange(page.Select(c => "• " + TextFit.Shorten(line(c), perLine)));
        if (rest > 0) lines.Add(more is null ? $"… và {rest} kế hoạch nữa: gõ /kehoach để xem đủ." : $"… và {rest} kế hoạch nữa: bấm “Xem tiếp”.");
        if (last is not null) lines.Add(last);
        return new Reply(string.Join('\n', lines)) { Buttons = [.. buttons.Select(b => (IReadOnlyList<Button>)[b])] };
    }
}
