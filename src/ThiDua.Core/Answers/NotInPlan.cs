using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Units;
using ThiDua.Core.Questions;
using ThiDua.Core.Text;

namespace ThiDua.Core.Answers;

/// <summary>
/// "Lào Cai có nói đến bình đẳng giới không?": a question whether a named plan speaks of something, asking no kind of
/// fact, whose subject no sentence of the plan holds is told so ("Kế hoạch … không nói đến …"), with the plans that do, instead of
/// being shown the plan's summary as if that answered it.
/// </summary>
public static partial class NotInPlan
{
    /// <summary>How rare the question's own words must be, summed, before their absence means anything ("thế nào" is nothing).</summary>
    private const double Substance = 8;
    /// <summary>A unit holding this share of the words says something about them: then the plan is not silent.</summary>
    private const double Held = 0.5;
    /// <summary>Another plan "nhắc đến" the words when one of its units holds this share of them.</summary>
    private const double Elsewhere = 0.75;

    public static Reply? Answer(KnowledgeBase kb, Campaign campaign, ParsedQuestion q)
    {
        // Only a question about presence ("… có nói đến X không") is answered with an absence, and X is what follows its
        // verb: greetings and the plan's name elsewhere in the message are not what is looked for.
        if (QuestionParser.SubjectOfMention(q.Words) is not { Count: > 0 } subject) return null;
        var content = SearchTerms.Of(subject).Distinct(StringComparer.Ordinal).ToList();
        var words = content.Where(t => !SearchTerms.IsPair(t)).ToHashSet(StringComparer.Ordinal);
        if (words.Count == 0 || content.Sum(kb.Units.Weight) < Substance) return null;
        var best = kb.Units.BestPerPlan(content);
        // "bình đẳng giới" is not held by a sentence with "thương binh" and "giới thiệu": where the question has pairs, one must be there.
        var pairs = content.Where(SearchTerms.IsPair).ToHashSet(StringComparer.Ordinal);
        bool Holds(UnitHit hit, double share) => hit.Coverage >= share && (pairs.Count == 0 || hit.Matched.Any(pairs.Contains));
        if (best.TryGetValue(campaign, out var own) && Holds(own, Held)) return null;
        var others = best.Where(kv => kv.Key != campaign && Holds(kv.Value, Elsewhere)).OrderByDescending(kv => kv.Value.Coverage).Select(kv => kv.Key).Take(3).ToList();
        var phrase = AsWritten(q.Text, words, pairs);
        var lines = new List<string>
        {
            $"Kế hoạch {campaign.ShortName} không nói đến “{phrase}”: tôi đã tìm trong toàn văn kế hoạch mà không thấy câu nào có các từ này (kế hoạch có thể dùng cách gọi khác).",
        };
        if (others.Count > 0) lines.Add($"Kế hoạch có nhắc đến: {string.Join("; ", others.Select(c => c.ShortName))}.");
        return new Reply(string.Join('\n', lines))
        {
            Buttons = [[QuestionPress.Ask("Tóm tắt kế hoạch này", QuestionKind.Overview, campaign)], .. others.Select(c => (IReadOnlyList<Button>)[QuestionPress.Ask(c.ShortName, QuestionKind.Overview, c)])],
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial System.Text.RegularExpressions.Regex NonWord();

    /// <summary>
    /// The longest run of the message's own words (with their marks) that are the question's content: "bình đẳng giới",
    /// "cải cách hành chính" (a common word inside the run, or paired with its neighbour in the question's terms, stays).
    /// </summary>
    private static string AsWritten(string text, HashSet<string> words, HashSet<string> pairs)
    {
        var tokens = NonWord().Split(text.Normalize(System.Text.NormalizationForm.FormC)).Where(t => t.Length > 0).ToList();
        var folded = tokens.Select(VietnameseText.Fold).ToList();
        bool Content(int i) =>
            words.Contains(folded[i])
            || !QuestionParser.EndParticles.Contains(folded[i]) && (i > 0 && pairs.Contains(SearchTerms.Pair(folded[i - 1], folded[i])) && words.Contains(folded[i - 1])
                || i + 1 < folded.Count && pairs.Contains(SearchTerms.Pair(folded[i], folded[i + 1])) && words.Contains(folded[i + 1]));
        List<string> best = [], run = [];
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && Content(i)) { run.Add(tokens[i]); continue; }
            if (run.Count > best.Count) best = [.. run];
            run.Clear();
        }
        return best.Count > 0 ? string.Join(' ', best) : string.Join(' ', words);
    }
}
