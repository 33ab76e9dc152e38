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
    /// <summary>A cue this strong ("bao nhiêu tiền", "ai ký", "nộp ở đâu") names its kind whatever the evidence.</summary>
    private const double SureCue = 3.5;
    /// <summary>A cue this light ("khen thưởng", "khi nào") does not outweigh a sentence that holds the question.</summary>
    private const double LightCue = 1.5;
    /// <summary>"quý II": a cue for the task table as strong as naming it.</summary>
    private const double QuarterNamed = 2.5;
    /// <summary>The rarity two fairly rare terms add up to: a match this informative counts fully.</summary>
    internal const double SureMatch = 8;

    /// <summary>A word this rare (in a handful of sentences of all the plans) is a subject by itself when it is all the clause asks.</summary>
    private const double RareWord = 5;
    private const double WholeClause = 0.999;

    /// <summary>A unit of another kind that holds this much of the clause is part of the answer too.</summary>
    private const double StrongHold = 0.6;

    public static List<Ask> Of(KnowledgeBase kb, Campaign campaign, ParsedQuestion q)
    {
        var asks = new List<Ask>();
        IReadOnlyList<string> previous = [];
        var title = TitleTerms(kb, campaign, q);
        foreach (var clause in q.Clauses)
        {
            // "số mấy, ngày nào": the second clause asks the date of what the first asked about.
            if (asks.Count > 0 && clause.TopCueScore <= InterrogativeOnly && clause.ContentTerms.Count == 0) continue;
            // "… gửi về đâu, trước ngày nào": a clause with no words of its own is about what the one before named.
            var own = clause.Terms.Where(t => !title.Contains(t)).ToList();
            var terms = clause.ContentTerms.Count == 0 ? [.. own, .. previous] : own;
            var hits = kb.Units.Search(terms, campaign, take: Candidates);
            foreach (var kind in BestKinds(clause, hits, kb.Units, q))
            {
                // The units of the kind that hold the question's words, and the plan's own sentences that hold them well.
                var focus = hits.Where(h => h.Coverage > 0 && (h.Unit.Kinds.Contains(kind) || kind == QuestionKind.None
                    || h.Unit.IsParagraph && h.Coverage >= StrongHold && Informative(h, kb))).ToList();
                var existing = asks.FindIndex(a => a.Kind == kind);
                if (existing >= 0) asks[existing] = asks[existing] with { Focus = [.. asks[existing].Focus.Concat(focus).DistinctBy(h => h.Unit)] };
                else asks.Add(new Ask(kind, focus));
            }
            if (clause.ContentTerms.Count > 0) previous = clause.ContentTerms;
        }
        return asks;
    }

    /// <summary>
    /// The plan's own title as the question quotes it ("kế hoạch công tác thi đua, khen thưởng năm 2024 của Điện Biên",
    /// "hồ sơ đợt thi đua cao điểm nộp về đâu"): those words name the plan, they do not say what is asked of it. Quoted
    /// means two pairs of them after "kế hoạch", or anywhere beside a clear cue; with only a light cue, a day the title
    /// celebrates ("35 năm Ngày hội QPTD tính từ ngày nào") is itself the question.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Campaign, HashSet<string>> Titles = new();

    private const int QuotedPairs = 2;

    /// <summary>The terms of the plan's title and short name, worked out once per plan.</summary>
    internal static HashSet<string> NameTerms(Knowledge.Units.UnitIndex units, Campaign campaign) =>
        Titles.GetValue(campaign, c => units.TermsOf(c.Document.Title + " " + c.ShortName).ToHashSet(StringComparer.Ordinal));

    private static HashSet<string> TitleTerms(KnowledgeBase kb, Campaign campaign, ParsedQuestion q)
    {
        var title = NameTerms(kb.Units, campaign);
        if (q.KindScore > LightCue)
            return q.Clauses.SelectMany(c => c.Terms).Count(t => Text.SearchTerms.IsPair(t) && title.Contains(t)) >= QuotedPairs ? title : [];
        var words = q.Words;
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] != "ke" || words[i + 1] != "hoach") continue;
            var quoted = 0;
            for (var k = i + 2; k + 1 < words.Count && title.Contains(Text.SearchTerms.Pair(words[k], words[k + 1])); k++) quoted++;
            if (quoted >= QuotedPairs) return title;
        }
        return [];
    }

    private static bool Informative(UnitHit hit, KnowledgeBase kb) => Informative(hit, kb.Units);

    /// <summary>A match this informative counts fully: two fairly rare terms, or the clause's one rare word all held ("Giơ-ne-vơ").</summary>
    private static bool Informative(UnitHit hit, Knowledge.Units.UnitIndex units)
    {
        var held = hit.Matched.Sum(units.Weight);
        return held >= SureMatch || hit.Coverage >= WholeClause && held >= RareWord;
    }

    /// <summary>The clause's kind, and a runner-up that scores nearly as well.</summary>
    private static IEnumerable<QuestionKind> BestKinds(QuestionClause clause, List<UnitHit> hits, Knowledge.Units.UnitIndex units, ParsedQuestion q)
    {
        // Evidence is what a unit holds of the clause's own words, those no cue explains: "hồ sơ" is the dossier cue,
        // not evidence for a unit that happens to say "hồ sơ". A structured fact says it surely; a paragraph as surely
        // as its headings place it; a match on a syllable or two that are everywhere ("số" of "hồ sơ") is no evidence.
        var evidence = new Dictionary<QuestionKind, double>();
        // Between kinds whose units hold the words equally, the unit that says them most pointedly (its search score) wins.
        var sharpest = new Dictionary<QuestionKind, double>();
        var content = clause.Cues.Count == 0 ? clause.Terms : clause.ContentTerms;
        var total = content.Distinct(StringComparer.Ordinal).Sum(units.Weight);
        foreach (var hit in hits)
        {
            var held = hit.Matched.Where(content.Contains).Sum(units.Weight);
            if (total <= 0 || held <= 0) continue;
            var weight = (hit.Unit.IsParagraph ? 0.8 : 1) * Math.Min(1, held / SureMatch);
            foreach (var kind in hit.Unit.Kinds)
            {
                evidence[kind] = Math.Max(evidence.GetValueOrDefault(kind), held / total * weight);
                sharpest[kind] = Math.Max(sharpest.GetValueOrDefault(kind), hit.Score);
            }
        }
        // No cue but a phase or a quarter named ("lc đợt 1?", "quý 3 thì sao"): its time frame, its tasks.
        if (clause.Cues.Count == 0 && q.PhaseNumber is not null) return [QuestionKind.TimeFrame];
        if (clause.Cues.Count == 0 && q.Quarter is not null) return [QuestionKind.Tasks];
        // No cue, or only a light one ("khen thưởng" in the plan's own name): the unit that holds the question decides.
        // A sentence of the plan that holds it ("có nói đến bình đẳng giới không") is quoted as it stands.
        if (clause.TopCueScore <= LightCue && hits.FirstOrDefault() is { } best && best.Unit.IsParagraph
            && best.Coverage >= MinimumUncuedCoverage && Informative(best, units))
            return [QuestionKind.None];
        if (clause.Cues.Count == 0)
        {
            var top = evidence.Where(kv => kv.Value >= MinimumUncuedCoverage && kv.Key != QuestionKind.Overview)
                .OrderByDescending(kv => kv.Value).ThenByDescending(kv => sharpest[kv.Key]).FirstOrDefault();
            return top.Value > 0 ? [top.Key] : [];
        }
        // About a named plan, "which plans" cues ask nothing of their own; a quarter named asks its tasks.
        double Cue(QuestionKind k) => k switch
        {
            QuestionKind.ListCampaigns => 0,
            QuestionKind.Tasks when q.Quarter is not null || q.ThisPeriod == "quy" => clause.Cue(k) + QuarterNamed,
            _ => clause.Cue(k),
        };
        var ranked = clause.Cues.Keys.Concat(evidence.Keys).Append(QuestionKind.TimeFrame).Append(QuestionKind.Tasks).Distinct()
            .Where(k => Cue(k) > 0 || evidence.GetValueOrDefault(k) >= MinimumUncuedCoverage)
            .Select(k => (Kind: k, Score: Cue(k) + EvidenceWeight * evidence.GetValueOrDefault(k)))
            .OrderByDescending(x => Math.Round(x.Score, 2)).ThenByDescending(x => sharpest.GetValueOrDefault(x.Kind)).ThenBy(x => x.Kind).ToList();
        if (ranked.Count == 0) return [];
        // "… tổng kết thưởng bao nhiêu tiền": a cue that names its kind surely is what is asked, though another kind's
        // unit holds more of the words; that kind is answered second. Not when the question names a document ("Chỉ
        // thị 34-CT/TW … ban hành khi nào"): the cue is then about that document, which the other kind's unit quotes.
        var surest = ranked.Where(x => Cue(x.Kind) >= SureCue).OrderByDescending(x => Cue(x.Kind)).FirstOrDefault();
        if (surest.Score > 0 && surest.Kind != ranked[0].Kind && Cue(surest.Kind) > Cue(ranked[0].Kind)
            && q.PlanNumbers.Count == 0 && !q.Words.Any(Text.DocumentReferences.IsReference))
            return [surest.Kind, ranked[0].Kind];
        return ranked.Count > 1 && ranked[1].Score >= RunnerUpShare * ranked[0].Score ? [ranked[0].Kind, ranked[1].Kind] : [ranked[0].Kind];
    }
}
