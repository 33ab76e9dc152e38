using ThiDua.Core.Knowledge.Units;

namespace ThiDua.Core.Answers;

/// <summary>
/// The last check on an answer: that it shows what the question is about. The kinds the question's cue words point
/// at are a prior ("về đâu" is most often where a dossier goes); when a unit of the plan, a fact of any kind or one
/// of its sentences, holds most of the question's telling words and the answer as built shows few of them
/// ("có vướng mắc thì phản ánh về đâu"), the evidence wins: that unit leads the answer.
/// </summary>
internal static class Evidence
{
    /// <summary>The rarity two fairly rare terms add up to: less than this is no evidence of what is asked.</summary>
    private const double Telling = Questions.AskedKinds.SureMatch;
    /// <summary>A unit leads only when it holds at least this share of what the question's own words weigh.</summary>
    private const double MostOfQuestion = 0.5;
    private const int Candidates = 8;
    /// <summary>Units that hold the question within this much of each other hold it equally.</summary>
    private const double Tie = 0.5;
    public const int MaxLeads = 2;

    /// <summary>
    /// The units the answer should have shown and does not, best first: one, or two that hold the question equally
    /// ("chú trọng khen thưởng" in two sentences); empty when the answer already shows what was asked.
    /// </summary>
    public static IReadOnlyList<UnitHit> Unshown(AnswerRequest r, string answer)
    {
        if (r.Question is not { } q || r.Units is not { } units) return [];
        // The plan's own name says which plan, not what is asked of it.
        var title = Questions.AskedKinds.NameTerms(units, r.Campaign);
        // A pair across two phrases ("mắc thì" of "vướng mắc thì") that no plan holds is no part of what could be shown.
        // The words that asked for the kinds answered ("căn cứ … văn bản pháp luật nào") are answered by that list:
        // a sentence that holds them ("chính sách pháp luật") holds no more of the question than the list does.
        var listed = r.Asks.Select(a => a.Kind).Append(r.Kind).ToHashSet();
        var terms = q.Clauses.SelectMany(c => c.Terms.Where(t => !AsksForListed(c, t, listed))).Concat(q.DayTerms)
            .Where(t => !title.Contains(t) && units.AnyPlanHas(t)).Distinct(StringComparer.Ordinal).ToList();
        var total = terms.Sum(units.Weight);
        if (total < Telling) return [];
        var holding = units.Search(terms, r.Campaign, take: Candidates)
            .Select(h => (Hit: h, Held: h.Matched.Sum(units.Weight)))
            .Where(x => x.Held >= Telling && x.Held >= MostOfQuestion * total).ToList();
        // Most questions stop here; reading the answer's own words costs more than the search.
        if (holding.Count == 0) return [];
        // Shown means said together, in one line of the answer, not scattered over several; except a fact of a kind
        // the answer lists, which its list may show over several lines ("Tập thể:" then each criterion).
        var lines = answer.Split('\n').Select(l => units.TermsOf(l).ToHashSet(StringComparer.Ordinal)).ToList();
        var whole = lines.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        double Missing(UnitHit h, HashSet<string> shown) => h.Matched.Where(t => !shown.Contains(t)).Sum(units.Weight);
        double Unshown(UnitHit h) => !h.Unit.IsParagraph && listed.Contains(h.Unit.Kind) ? Missing(h, whole) : lines.Select(l => Missing(h, l)).DefaultIfEmpty(0).Min();
        var leads = holding
            .Select(x => (x.Hit, x.Held, Unshown: Unshown(x.Hit)))
            .Where(x => x.Unshown >= Telling / 2 && x.Unshown >= x.Held / 2)
            // Of units that hold as much, a fact of the plan's record says it more surely than a sentence.
            .OrderByDescending(x => Math.Round(x.Held, 1)).ThenBy(x => x.Hit.Unit.IsParagraph).ThenByDescending(x => x.Hit.Score)
            // A fact and the sentence it was read from are one thing said twice.
            .DistinctBy(x => Text.VietnameseText.Fold(x.Hit.Unit.Text))
            .ToList();
        return leads.Count == 0 ? [] : [.. leads.TakeWhile(x => x.Held >= leads[0].Held - Tie).Take(MaxLeads).Select(x => x.Hit)];
    }

    /// <summary>True when a word of the term is a cue word of a kind the answer lists ("chuẩn tập" of "tiêu chuẩn tập thể").</summary>
    private static bool AsksForListed(Questions.QuestionClause clause, string term, HashSet<Questions.QuestionKind> listed) =>
        Text.SearchTerms.WordsOf(term).Any(w => listed.Any(k => clause.CueWords.TryGetValue(k, out var words) && words.Contains(w)));
}
