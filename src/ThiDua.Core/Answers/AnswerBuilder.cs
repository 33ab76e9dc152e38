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
    /// <summary>A bullet of a long list the question does not point at is shown this short.</summary>
    private const int CompactBullet = 150;
    /// <summary>Room enough to show a line cut short rather than leave it out.</summary>
    private const int MinCutLine = 100;
    /// <summary>A bullet whose record holds this much of the question is the answer: shown whole.</summary>
    private const double FocusKeptWhole = 0.3;

    private sealed record Entry(string Text, bool Droppable, QuestionKind Kind, int Index, bool Title = false, double Focus = 0, string? Full = null);

    private bool IsTitle(int i) => _lines[i].Title;

    private readonly List<Entry> _lines = [];
    private readonly List<string> _sections = [];
    private readonly List<string> _notes = [];
    private readonly List<Button> _buttons = [];
    private QuestionKind _kind = QuestionKind.None;
    private int _bulletsOfKind;
    private bool _titled;
    private int _afterTitle;
    private Ask _asking = Ask.Of(QuestionKind.None);

    /// <summary>The ask the next lines answer: its focus says which bullets are the answer and stay whole.</summary>
    public AnswerBuilder Asking(Ask ask)
    {
        _asking = ask;
        return this;
    }

    public Campaign Campaign => campaign;

    /// <summary>Starts the section of one kind: the first title names the plan, later ones only their kind.</summary>
    public AnswerBuilder Title(string title, QuestionKind kind = QuestionKind.None)
    {
        if (kind != QuestionKind.None && kind != _kind) { _kind = kind; _bulletsOfKind = 0; }
        _lines.Add(new(_titled ? title + ":" : $"{title} — {campaign.ShortName}", false, _kind, -1, Title: true));
        _titled = true;
        _afterTitle = _lines.Count;
        return this;
    }

    /// <summary>What a line quotes of the plan: the text between its “ and ”.</summary>
    private static string? Quoted(string line)
    {
        var open = line.IndexOf('“');
        var close = line.LastIndexOf('”');
        return open >= 0 && close > open ? line[(open + 1)..close] : null;
    }

    /// <summary>A line that answers the question more directly than the list below it: placed right under the section's title.</summary>
    public AnswerBuilder Highlight(string text, string? section = null)
    {
        text = TextFit.Shorten(text, MaxLineLength);
        // Two kinds asked of one sentence ("bằng khen … tổng kết được mấy cá nhân") show it once, under the first;
        // a line that holds a sentence already quoted above ("Số bộ — kế hoạch ghi: “…”") says nothing new.
        if (_lines.Any(l => l.Text == text || Quoted(l.Text) is { Length: >= 40 } quote && text.Contains(quote.TrimEnd('…', '.'), StringComparison.Ordinal))) return this;
        _lines.Insert(_afterTitle, new(text, false, _kind, -1));
        _afterTitle++;
        Cite(section);
        return this;
    }

    /// <summary>The line that answers the question, above everything but the first title.</summary>
    public AnswerBuilder Lead(string text, string? section = null)
    {
        var at = _lines.Count > 0 && _lines[0].Title ? 1 : 0;
        _lines.Insert(at, new(TextFit.Shorten(text, MaxLineLength), false, _lines.Count > 0 ? _lines[0].Kind : _kind, -1));
        if (_afterTitle >= at) _afterTitle++;
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

    /// <summary>How much of the question a record holds (0 when the question does not point at it).</summary>
    public double FocusOf(object fact) => _asking.Score(fact);

    /// <param name="fact">The record the bullet shows: when the question's words point at it, it is never shortened.</param>
    public AnswerBuilder Bullet(string text, string? section = null, object? fact = null)
    {
        var index = _bulletsOfKind++;
        // A "Xem tiếp" page skips the bullets already shown.
        if (index < skipBullets) return this;
        // A sentence of the plan shown as it is (a note of the dossier) is in the focus as a paragraph, not as a fact.
        var focus = fact is not null ? _asking.Score(fact)
            : _asking.Paragraphs.Where(h => text.Contains(Import.PlanSections.WithoutMark(h.Unit.Text).TrimEnd('.'), StringComparison.Ordinal)).Select(h => h.Coverage).DefaultIfEmpty(0).Max();
        var full = "• " + TextFit.Shorten(text, MaxBulletLength);
        _lines.Add(new(full, true, _kind, index, Focus: focus, Full: full));
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

    /// <summary>The first line that says something (not a title): what a one-line summary of the answer shows.</summary>
    public string? FirstStatement => _lines.FirstOrDefault(l => !l.Title)?.Text.TrimStart('•', ' ');

    /// <param name="more">Makes the button that shows the rest of a kind's list from a bullet on; null: no such button.</param>
    public Reply Build(Func<QuestionKind, int, Button>? more = null)
    {
        var tail = string.Join('\n', _notes.Append(KnowledgeBase.Citation(campaign, _sections)));
        const int droppedLineReserve = 60;
        var fixedLength = _lines.Where(l => !l.Droppable).Sum(l => l.Text.Length + 1) + tail.Length;
        var budget = MaxLength - fixedLength - droppedLineReserve;
        // Every section keeps its title and first line (what answers its part of the question); bullets fill the rest
        // in order, and once one of a list is dropped the rest of that list goes behind "Xem tiếp".
        var heads = new HashSet<Entry>();
        for (var i = 0; i < _lines.Count; i++)
            if (i == 0 || IsTitle(i) || IsTitle(i - 1)) heads.Add(_lines[i]);
        var used = heads.Sum(l => l.Text.Length + 1) + tail.Length + droppedLineReserve;
        // A long list is shown compact: the bullets the question does not point at are cut to a line, whole words.
        if (_lines.Sum(l => l.Text.Length + 1) + tail.Length > MaxLength)
            for (var i = 0; i < _lines.Count; i++)
                if (_lines[i].Droppable && _lines[i].Focus < FocusKeptWhole && !heads.Contains(_lines[i]))
                    _lines[i] = _lines[i] with { Text = TextFit.Shorten(_lines[i].Text, CompactBullet) };
        var kept = new List<Entry>();
        var dropped = new List<Entry>();
        foreach (var line in _lines)
        {
            if (heads.Contains(line)) { kept.Add(line); continue; }
            var sameListDropped = line.Droppable && dropped.Any(d => d.Droppable && d.Kind == line.Kind);
            // A line that says the answer (not a list item) is cut at a word to the room left rather than left out.
            var room = MaxLength - used - 1;
            if (!line.Droppable && !sameListDropped && line.Text.Length > room && room >= MinCutLine)
            {
                var cut = line with { Text = TextFit.Shorten(line.Text, room) };
                used += cut.Text.Length + 1;
                kept.Add(cut);
                continue;
            }
            if (sameListDropped || used + line.Text.Length + 1 > MaxLength) { dropped.Add(line); continue; }
            used += line.Text.Length + 1;
            kept.Add(line);
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
                if (buttons.Count > MaxButtons && buttons.FindLastIndex(b => Payload.Read<QuestionPress>(b.Data) is not null) is var last and > 0)
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
