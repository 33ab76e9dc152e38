using ThiDua.Core.Knowledge.Units;

namespace ThiDua.Core.Questions;

/// <summary>
/// One kind of fact a question wants from a plan, with the units that hold the question's own words ("báo cáo kết
/// quả" picks the report deadline among the deadlines). The answer shows the focus first.
/// </summary>
public sealed record Ask(QuestionKind Kind, IReadOnlyList<UnitHit> Focus)
{
    public static Ask Of(QuestionKind kind) => new(kind, []);

    public bool Focuses<T>(T fact) where T : class => Focus.Any(h => ReferenceEquals(h.Unit.Fact, fact));

    /// <summary>How much of the question the fact holds (0 when it is not in the focus): what lists are ordered by.</summary>
    public double Score(object fact) => Focus.Where(h => ReferenceEquals(h.Unit.Fact, fact)).Select(h => h.Coverage).DefaultIfEmpty(0).Max();

    /// <summary>Paragraphs of the plan's text in the focus: what the plan says in its own words.</summary>
    public IEnumerable<UnitHit> Paragraphs => Focus.Where(h => h.Unit.IsParagraph);
}
