using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Questions;

/// <summary>
/// One thing a question asks: "lào cai hồ sơ nộp mấy bộ, nộp về đâu" has two. Its cues say which kinds of fact it
/// may want; its terms are what a unit must hold to answer it; its content terms are the terms no cue explains,
/// the ones an answer must cover before the bot may say it answered.
/// </summary>
public sealed record QuestionClause(
    IReadOnlyList<string> Words,
    IReadOnlyDictionary<QuestionKind, double> Cues,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> ContentTerms)
{
    /// <summary>The words of each kind's cue phrases ("tieu", "chuan" for criteria).</summary>
    public IReadOnlyDictionary<QuestionKind, IReadOnlySet<string>> CueWords { get; init; } = new Dictionary<QuestionKind, IReadOnlySet<string>>();

    /// <summary>The terms, less the words that only name the kind asked: every plan has criteria, so "tiêu chuẩn" picks none.</summary>
    public IEnumerable<string> TermsBeside(QuestionKind kind) =>
        CueWords.TryGetValue(kind, out var words) ? Terms.Where(t => !Text.SearchTerms.WordsOf(t).Any(words.Contains)) : Terms;

    public QuestionKind TopCue => Cues.Count == 0 ? QuestionKind.None : Cues.MaxBy(kv => kv.Value).Key;

    public double TopCueScore => Cues.Count == 0 ? 0 : Cues.Values.Max();

    public double Cue(QuestionKind kind) => Cues.GetValueOrDefault(kind);
}

/// <summary>What the bot understood of one message.</summary>
public sealed record ParsedQuestion
{
    public required string Text { get; init; }
    /// <summary>Folded words after typo repair and the glossary.</summary>
    public required IReadOnlyList<string> Words { get; init; }
    public required IReadOnlyList<QuestionClause> Clauses { get; init; }
    /// <summary>The strongest cue over the whole question (what a form's "is this a question?" check looks at).</summary>
    public QuestionKind Kind { get; init; }
    public double KindScore { get; init; }
    public CampaignMention Mention { get; init; } = CampaignMention.None;
    /// <summary>Places the question names (any of Vietnam's units, loaded plan or not).</summary>
    public IReadOnlyList<PlaceMention> Places { get; init; } = [];
    /// <summary>Plan numbers the question names ("456" of "kế hoạch 456/KH-UBND"), whether loaded or not.</summary>
    public IReadOnlyList<string> PlanNumbers { get; init; } = [];
    /// <summary>
    /// The terms of a day the plans celebrate, when that day (not a place or number) named the plan: they say which
    /// plans, and may also be what is asked ("75 năm thành lập Đảng bộ tỉnh là ngày nào").
    /// </summary>
    public IReadOnlyList<string> DayTerms { get; init; } = [];
    /// <summary>A year the question names ("năm 2025").</summary>
    public int? Year { get; init; }
    public int? PhaseNumber { get; init; }
    public Beneficiary? Beneficiary { get; init; }
    public int? Quarter { get; init; }
    /// <summary>"quý này", "tháng này": "quy", "thang", "tuan" or "nam", resolved against today by the answerer.</summary>
    public string? ThisPeriod { get; init; }
    /// <summary>"trong tháng 6": a month the question is about.</summary>
    public int? Month { get; init; }
    /// <summary>"kế hoạch nào …", "những kế hoạch …": asks which plans, not about one.</summary>
    public bool AsksWhichPlans { get; init; }
    /// <summary>"những phong trào nào …" with no plan named: about plans only when the chat is not already about one.</summary>
    public bool AsksWhichMovements { get; init; }
    /// <summary>"có … không?": a yes-or-no question.</summary>
    public bool IsYesNo { get; init; }
    /// <summary>"còn … thì sao?", "vậy đợt 2?": refers back to the previous question.</summary>
    public bool LooksLikeFollowUp { get; init; }
    public bool IsGreeting { get; init; }
    public bool AsksHelp { get; init; }

    public bool HasSlots => PhaseNumber is not null || Beneficiary is not null || Quarter is not null;

    /// <summary>Every content term of every clause.</summary>
    public IEnumerable<string> ContentTerms => Clauses.SelectMany(c => c.ContentTerms);

    public bool HasCue(QuestionKind kind) => Clauses.Any(c => c.Cue(kind) > 0);
}
