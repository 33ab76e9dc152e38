using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Units;

namespace ThiDua.Core.Questions;

/// <summary>
/// Which kinds of fact a question asks of one plan. Per clause, every kind competes: its cue weight, plus how much of
/// the clause the plan's best unit of that kind holds. A clause without a cue still asks for the kind of the unit
/// that holds it best, when one holds most of it ("Bộ CHQS tỉnh" → that body's duties).
/// </summary>
public static class AskedKinds
{
    /// <summary>How much a unit that holds all of a clause counts against a cue: a strong cue (4) still wins over a loose match.</summary>
    private const double EvidenceWeight = 3;
    /// <summary>A clause with no cue asks for a unit only when that unit holds at least this share of it.</summary>
    private const double MinimumUncuedCoverage = 0.5;
    private const int Candidates = 40;
    /// <summary>Cues this light are bare interrogatives ("khi nào", "ngày nào"): alone in a clause they ask about the clause before.</summary>
    private const double InterrogativeOnly = 1.5;

    /// <summary>A second kind is asked too when it scores this close to the first ("giấy khen … ai xét, quyết định").</summary>
    private const double RunnerUpShare = 0.85;
    /// <summary>The rarity two fairly rare terms add up to: a match this informative counts fully.</summary>
    private const double SureMatch = 8;

    public static List<Ask> Of(KnowledgeBase kb, Campaign campaign, ParsedQuestion q)
    {
        var asks = new List<Ask>();
        IReadOnlyList<string> previous = [];
        foreach (var clause in q.Clauses)
        {
            // "số mấy, ngày nào": the second clause asks the date of what the first asked about.
            if (asks.Count > 0 && clause.TopCueScore <= InterrogativeOnly && clause.ContentTerms.Count == 0) continue;
            // "… gửi về đâu, trước ngày nào": a clause with no words of its own is about what the one before named.
            var terms = clause.ContentTerms.Count == 0 ? [.. clause.Terms, .. previous] : clause.Terms;
            var hits = kb.Units.Search(terms, u => u.Campaign == campaign, Candidates);
            foreach (var kind in BestKinds(clause, hits, kb.Units))
            {
                var focus = hits.Where(h => h.Unit.Kinds.Contains(kind) && h.Coverage > 0).ToList();
                var existing = asks.FindIndex(a => a.Kind == kind);
                if (existing >= 0) asks[existing] = asks[existing] with { Focus = [.. asks[existing].Focus.Concat(focus).DistinctBy(h => h.Unit)] };
                else asks.Add(new Ask(kind, focus));
            }
            if (clause.ContentTerms.Count > 0) previous = clause.ContentTerms;
        }
        return asks;
    }

    /// <summary>The clause's kind, and a runner-up that scores nearly as well.</summary>
    private static IEnumerable<QuestionKind> BestKinds(QuestionClause clause, List<UnitHit> hits, Knowledge.Units.UnitIndex units)
    {
        var evidence = new Dictionary<QuestionKind, double>();
        foreach (var hit in hits)
        {
            // A structured fact says it surely; a paragraph only as surely as its headings place it. A match on
            // a syllable or two that are everywhere ("số" of "hồ sơ") is no evidence, whatever share it covers.
            var weight = (hit.Unit.IsParagraph ? 0.8 : 1) * Math.Min(1, hit.Matched.Sum(units.Weight) / SureMatch);
            foreach (var kind in hit.Unit.Kinds)
                evidence[kind] = Math.Max(evidence.GetValueOrDefault(kind), hit.Coverage * weight);
        }
        if (clause.Cues.Count == 0)
        {
            var top = evidence.Where(kv => kv.Value >= MinimumUncuedCoverage && kv.Key != QuestionKind.Overview).OrderByDescending(kv => kv.Value).FirstOrDefault();
            return top.Value > 0 ? [top.Key] : [];
        }
        // "đang diễn ra" about a named plan asks its time frame, not the list of plans.
        double Cue(QuestionKind k) => k == QuestionKind.TimeFrame ? clause.Cue(k) + clause.Cue(QuestionKind.ListCampaigns) : k == QuestionKind.ListCampaigns ? 0 : clause.Cue(k);
        var ranked = clause.Cues.Keys.Concat(evidence.Keys).Append(QuestionKind.TimeFrame).Distinct()
            .Where(k => Cue(k) > 0 || evidence.GetValueOrDefault(k) >= MinimumUncuedCoverage)
            .Select(k => (Kind: k, Score: Cue(k) + EvidenceWeight * evidence.GetValueOrDefault(k)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Kind).ToList();
        if (ranked.Count == 0) return [];
        return ranked.Count > 1 && ranked[1].Score >= RunnerUpShare * ranked[0].Score ? [ranked[0].Kind, ranked[1].Kind] : [ranked[0].Kind];
    }
}
