using ThiDua.Core.Questions;

namespace ThiDua.Core.Knowledge.Units;

/// <summary>
/// One thing a plan says that can answer a question: a structured fact (a deadline, a dossier component, the signer…)
/// or a paragraph of the plan's own text. Both are matched the same way; a fact also knows its record, so the
/// answer can render it, and a paragraph knows the headings it stands under.
/// </summary>
public sealed record AnswerUnit
{
    public required Campaign Campaign { get; init; }

    /// <summary>The kinds of question it answers: a fact has one; a paragraph those of its headings and its content.</summary>
    public required IReadOnlyList<QuestionKind> Kinds { get; init; }

    /// <summary>What it says, as shown to an officer.</summary>
    public required string Text { get; init; }

    /// <summary>What it is matched on, when more than is shown: a day's other names ("75 năm Đảng bộ tỉnh").</summary>
    public string? Keywords { get; init; }

    public required string Section { get; init; }

    /// <summary>The heading path above a paragraph ("IV. TỔ CHỨC THỰC HIỆN › 2. Sở Nội vụ"); empty for facts.</summary>
    public string Headings { get; init; } = "";

    /// <summary>The structured record (Deadline, DossierComponent, AwardForm…); null for a paragraph of the text.</summary>
    public object? Fact { get; init; }

    public bool IsParagraph => Fact is null;

    public QuestionKind Kind => Kinds.Count > 0 ? Kinds[0] : QuestionKind.None;
}
