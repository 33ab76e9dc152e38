using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Questions;

/// <summary>What the bot understood of one message.</summary>
public sealed record ParsedQuestion
{
    public required string Text { get; init; }
    /// <summary>Folded words after the glossary.</summary>
    public required IReadOnlyList<string> Words { get; init; }
    public QuestionKind Kind { get; init; }
    public double KindScore { get; init; }
    public QuestionKind RunnerUp { get; init; }
    public CampaignMention Mention { get; init; } = CampaignMention.None;
    /// <summary>The words no question signal used: what the question is about beyond its kind.</summary>
    public IReadOnlyList<string> TopicWords { get; init; } = [];
    public int? PhaseNumber { get; init; }
    public Beneficiary? Beneficiary { get; init; }
    public int? Quarter { get; init; }
    /// <summary>"còn … thì sao?", "vậy đợt 2?": refers back to the previous question.</summary>
    public bool LooksLikeFollowUp { get; init; }
    public bool IsGreeting { get; init; }
    public bool AsksHelp { get; init; }

    public bool HasSlots => PhaseNumber is not null || Beneficiary is not null || Quarter is not null;
}
