using System.Text;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Answers;

/// <summary>
/// Assembles one phone-sized answer: a title, lines and bullets, an optional note, and the citation of the
/// sections used. Bullets that do not fit the budget are dropped with a count, never cut mid-way silently.
/// </summary>
internal sealed class AnswerBuilder(Campaign campaign)
{
    public const int MaxLength = 1200;
    private const int MaxBulletLength = 400;

    private readonly List<(string Text, bool Droppable)> _lines = [];
    private readonly List<string> _sections = [];
    private readonly List<string> _notes = [];
    private readonly List<Button> _buttons = [];

    public Campaign Campaign => campaign;

    public AnswerBuilder Title(string title)
    {
        _lines.Add(($"{title} — {campaign.ShortName}", false));
        return this;
    }

    public AnswerBuilder Line(string text, string? section = null)
    {
        _lines.Add((text, false));
        Cite(section);
        return this;
    }

    public AnswerBuilder Bullet(string text, string? section = null)
    {
        _lines.Add(("• " + Shorten(text, MaxBulletLength), true));
        Cite(section);
        return this;
    }

    public AnswerBuilder Note(string text)
    {
        _notes.Add(text);
        return this;
    }

    public AnswerBuilder Cite(string? section)
    {
        if (!string.IsNullOrWhiteSpace(section)) _sections.Add(section);
        return this;
    }

    public AnswerBuilder Buttons(params Button[] buttons)
    {
        _buttons.AddRange(buttons);
        return this;
    }

    /// <summary>Everything the answer says so far, citation included: what legal-currency notes are matched against.</summary>
    public string Content => string.Join('\n', _lines.Select(l => l.Text).Append(KnowledgeBase.Citation(campaign, _sections)));

    public Reply Build()
    {
        var tail = string.Join('\n', _notes.Append(KnowledgeBase.Citation(campaign, _sections)));
        const int droppedLineReserve = 50;
        var fixedLength = _lines.Where(l => !l.Droppable).Sum(l => l.Text.Length + 1) + tail.Length;
        var bulletBudget = MaxLength - fixedLength - droppedLineReserve;
        var body = new StringBuilder();
        var dropped = 0;
        foreach (var (text, droppable) in _lines)
        {
            if (droppable)
            {
                if (text.Length + 1 > bulletBudget) { dropped++; continue; }
                bulletBudget -= text.Length + 1;
            }
            body.Append(text).Append('\n');
        }
        if (dropped > 0) body.Append("… và ").Append(dropped).Append(" mục nữa (hỏi cụ thể hơn để xem).\n");
        var bodyText = body.ToString();
        if (bodyText.Length + tail.Length > MaxLength) bodyText = Shorten(bodyText, MaxLength - tail.Length - 1) + "\n";
        return new Reply(bodyText + tail) { Buttons = ButtonRows(_buttons) };
    }

    internal static IReadOnlyList<IReadOnlyList<Button>> ButtonRows(IReadOnlyList<Button> buttons) =>
        [.. buttons.Chunk(2).Select(row => (IReadOnlyList<Button>)row)];

    internal static string Shorten(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return text[..cut].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
