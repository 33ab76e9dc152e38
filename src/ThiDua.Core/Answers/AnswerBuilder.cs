using System.Text;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// Assembles one phone-sized answer: titled sections (one per kind asked), lines and bullets, notes, and the
/// citation of the sections used. It fits by dropping whole bullets, never by cutting inside one; what is dropped
/// is counted and offered behind a "Xem tiếp" button that shows the rest of that list.
/// </summary>
internal sealed class AnswerBuilder(Campaign campaign, int skipBullets = 0)
{
    public const int MaxLength = 1200;
    private const int MaxBulletLength = 400;
    private const int MaxLineLength = 600;

    private sealed record Entry(string Text, bool Droppable, QuestionKind Kind, int Index);

    private readonly List<Entry> _lines = [];
    private readonly List<string> _sections = [];
    private readonly List<string> _notes = [];
    private readonly List<Button> _buttons = [];
    private QuestionKind _kind = QuestionKind.None;
    private int _bulletsOfKind;
    private bool _titled;
    private int _afterTitle;

    public Campaign Campaign => campaign;

    /// <summary>Starts the section of one kind: the first title names the plan, later ones only their kind.</summary>
    public AnswerBuilder Title(string title, QuestionKind kind = QuestionKind.None)
    {
        if (kind != QuestionKind.None && kind != _kind) { _kind = kind; _bulletsOfKind = 0; }
        _lines.Add(new(_titled ? title + ":" : $"{title} — {campaign.ShortName}", false, _kind, -1));
        _titled = true;
        _afterTitle = _lines.Count;
        return this;
    }

    /// <summary>A line that answers the question more directly than the list below it: placed right under the section's title.</summary>
    public AnswerBuilder Highlight(string text, string? section = null)
    {
        _lines.Insert(_afterTitle, new(TextFit.Shorten(text, MaxLineLength), false, _kind, -1));
        _afterTitle++;
        Cite(section);
        return this;
    }

    /// <summary>Which kind the following bullets belong to (for "Xem tiếp").</summary>
    public AnswerBuilder Section(QuestionKind kind)
    {
        if (kind != _kind) { _kind = kind; _bulletsOfKind = 0; }
        return this;
    }

    public AnswerBuilder Line(string text, string? section = null)
    {
        _lines.Add(new(TextFit.Shorten(text, MaxLineLength), false, _kind, -1));
        Cite(section);
        return this;
    }

    public AnswerBuilder Bullet(string text, string? section = null)
    {
        var index = _bulletsOfKind++;
        // A "Xem tiếp" page skips the bullets already shown.
        if (index < skipBullets) return this;
        _lines.Add(new("• " + TextFit.Shorten(text, MaxBulletLength), true, _kind, index));
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

    public bool IsEmpty => _lines.Count == 0;

    /// <param name="more">Makes the button that shows the rest of a kind's list from a bullet on; null: no such button.</param>
    public Reply Build(Func<QuestionKind, int, Button>? more = null)
    {
        var tail = string.Join('\n', _notes.Append(KnowledgeBase.Citation(campaign, _sections)));
        const int droppedLineReserve = 60;
        var fixedLength = _lines.Where(l => !l.Droppable).Sum(l => l.Text.Length + 1) + tail.Length;
        var budget = MaxLength - fixedLength - droppedLineReserve;
        var kept = new List<Entry>();
        var dropped = new List<Entry>();
        foreach (var line in _lines)
        {
            if (line.Droppable && (dropped.Count > 0 && dropped[0].Kind == line.Kind || line.Text.Length + 1 > budget)) { dropped.Add(line); continue; }
            if (line.Droppable) budget -= line.Text.Length + 1;
            kept.Add(line);
        }
        // Fixed lines beyond the budget go from the end, whole; the first lines answer the question and stay.
        while (kept.Count > 2 && kept.Sum(l => l.Text.Length + 1) + tail.Length + (dropped.Count > 0 ? droppedLineReserve : 0) > MaxLength)
        {
            dropped.Add(kept[^1]);
            kept.RemoveAt(kept.Count - 1);
        }
        var body = new StringBuilder();
        foreach (var line in kept) body.Append(line.Text).Append('\n');
        var buttons = new List<Button>(_buttons);
        if (dropped.Count > 0)
        {
            var first = dropped.FirstOrDefault(d => d.Index >= 0);
            if (more is not null && first is not null)
            {
                body.Append("… và ").Append(dropped.Count).Append(" mục nữa: bấm “Xem tiếp”.\n");
                buttons.Insert(0, more(first.Kind, first.Index));
                // It takes the place of the last question offered next, never of an action (register, remind).
                if (buttons.Count > MaxButtons && buttons.FindLastIndex(b => b.Data.StartsWith("q|", StringComparison.Ordinal)) is var last and > 0)
                    buttons.RemoveAt(last);
            }
            else body.Append("… và ").Append(dropped.Count).Append(" dòng nữa: hỏi cụ thể hơn để xem.\n");
        }
        var text = body + tail;
        // A single line too long for the screen is cut at a sentence or word, never mid-word.
        if (text.Length > MaxLength) text = TextFit.Shorten(body.ToString(), MaxLength - tail.Length - 1) + "\n" + tail;
        return new Reply(text) { Buttons = ButtonRows([.. buttons.Take(MaxButtons)]) };
    }

    /// <summary>A phone shows four buttons under an answer without crowding it.</summary>
    private const int MaxButtons = 4;

    internal static IReadOnlyList<IReadOnlyList<Button>> ButtonRows(IReadOnlyList<Button> buttons) =>
        [.. buttons.Chunk(2).Select(row => (IReadOnlyList<Button>)row)];
}
