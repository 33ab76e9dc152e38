using ThiDua.Core.Knowledge;
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

    public Phase? Phase => PhaseNumber is { } n && n >= 1 && n <= Campaign.Phases.Count ? Campaign.Phases[n - 1] : null;

    public bool Mentions(string foldedPhrase) =>
        Words is not null && (" " + string.Join(' ', Words) + " ").Contains(" " + foldedPhrase + " ", StringComparison.Ordinal);
}
