using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Questions;

/// <summary>
/// Which of several plans a question means, from what it says beyond its cues: "bằng khen thủ tướng" is offered by
/// one plan, "Bộ CHQS tỉnh" has duties in two, "thi đua bầu cử" is one plan's topic. Each plan is scored by the unit
/// of its own that holds most of the question's content; a plan wins only when it clearly leads, otherwise the
/// plans that tie are returned (and the officer is asked, one line each).
/// </summary>
public static class PlanChoice
{
    /// <summary>Below this, no plan holds the question's content well enough to be chosen for it.</summary>
    private const double MinimumCoverage = 0.6;
    /// <summary>A lead this large over the next plan decides; less is a tie.</summary>
    private const double ClearLead = 0.25;

    public static IReadOnlyList<Campaign> Narrow(KnowledgeBase kb, ParsedQuestion q, IReadOnlyList<Campaign> candidates)
    {
        if (candidates.Count <= 1) return candidates;
        // An award form only some plans offer, a body only some plans task: the record says it outright.
        if (AwardForms.Mentioned(q.Words) is { Issuer: not null } form && candidates.Where(c => AwardForms.Offered(c, form).Count > 0).ToList() is { Count: > 0 } offering
            && offering.Count < candidates.Count)
            return offering;
        // A body is named in questions about who does what; elsewhere its words ("thi đua khen thưởng") are everyday ones.
        // "ở cấp phường", "cấp tỉnh": the level the question names.
        if (NamedLevel(q.Words) is { } level && candidates.Where(c => c.Level == level).ToList() is { Count: > 0 } atLevel && atLevel.Count < candidates.Count)
            return atLevel.Count == 1 ? atLevel : Narrow(kb, q, atLevel);
        var naming = q.Kind is QuestionKind.Responsibilities or QuestionKind.Tasks or QuestionKind.Appraisal or QuestionKind.Contacts ? BodyNames.PlansNaming(candidates, q.Words) : [];
        if (naming.Count > 0 && naming.Count < candidates.Count) return naming;
        // Otherwise every word counts but those naming the kind asked: "bằng khen" with "thủ tướng" tells plans apart.
        var content = q.Clauses.SelectMany(c => c.TermsBeside(c.TopCue)).Distinct(StringComparer.Ordinal).ToList();
        if (content.Count == 0) return candidates;
        var best = kb.Units.BestPerPlan(content);
        var scored = candidates.Select(c => (Campaign: c, Score: best.TryGetValue(c, out var hit) ? Sure(kb, hit) : 0)).OrderByDescending(x => x.Score).ToList();
        var top = scored[0].Score;
        if (top < MinimumCoverage) return candidates;
        if (scored.Count == 1 || scored[1].Score <= top - ClearLead) return [scored[0].Campaign];
        return [.. scored.Where(x => x.Score > top - ClearLead / 2).Select(x => x.Campaign)];
    }

    private static AdministrativeLevel? NamedLevel(IReadOnlyList<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] != "cap") continue;
            return words[i + 1] switch
            {
                "tinh" => AdministrativeLevel.Province,
                "huyen" or "quan" => AdministrativeLevel.District,
                "xa" or "phuong" => AdministrativeLevel.Commune,
                _ => null,
            };
        }
        return null;
    }

    /// <summary>The rarity two fairly rare terms add up to: a plan holding only everyday words of the question is not chosen for them.</summary>
    private const double SureMatch = 8;

    /// <summary>Share of the content the plan's best unit holds, discounted when what it holds is only common words.</summary>
    public static double Score(KnowledgeBase kb, Campaign c, IReadOnlyCollection<string> content) =>
        kb.Units.Search(content, c, take: 1) is [var top] ? Sure(kb, top) : 0;

    private static double Sure(KnowledgeBase kb, Knowledge.Units.UnitHit hit) => hit.Coverage * Math.Min(1, hit.Matched.Sum(kb.Units.Weight) / SureMatch);
}
