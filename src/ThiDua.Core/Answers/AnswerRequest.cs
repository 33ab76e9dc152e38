using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Legal;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Answers;

/// <summary>One question about one plan, with the details that narrow it.</summary>
public sealed record AnswerRequest(
    Campaign Campaign,
    QuestionKind Kind,
    DateOnly Today,
    int? PhaseNumber = null,
    Beneficiary? Beneficiary = null,
    int? Quarter = null,
    IReadOnlyList<string>? Words = null)
{
    /// <summary>What changed since the plan and the law's general rules; empty when not loaded.</summary>
    public LegalKnowledge Legal { get; init; } = LegalKnowledge.Empty;

    /// <summary>Every kind the question asks, in its order, each with its focus; empty means just <see cref="Kind"/>.</summary>
    public IReadOnlyList<Ask> Asks { get; init; } = [];

    /// <summary>The ask being rendered now (its kind is <see cref="Kind"/>).</summary>
    public Ask Ask { get; init; } = Ask.Of(QuestionKind.None);

    /// <summary>The question as read, when the answer comes from a typed question (not a button).</summary>
    public ParsedQuestion? Question { get; init; }

    /// <summary>The plans' units, to look in the plan's own text before saying it is silent.</summary>
    public UnitIndex? Units { get; init; }

    /// <summary>How many items of the list were already shown ("Xem tiếp" pressed).</summary>
    public int Skip { get; init; }

    public Phase? Phase => PhaseNumber is { } n && n >= 1 && n <= Campaign.Phases.Count ? Campaign.Phases[n - 1] : null;

    public bool Mentions(string foldedPhrase) =>
        Words is not null && (" " + string.Join(' ', Words) + " ").Contains(" " + foldedPhrase + " ", StringComparison.Ordinal);
}
