using System.Runtime.CompilerServices;
using ThiDua.Core.Answers;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Questions;

/// <summary>
/// Turns a question into an answer: works out the kind and the plan (from the message, else from the chat's
/// context), asks with buttons when several plans fit, and falls back to quoting the plan text.
/// </summary>
public static class QuestionAnswerer
{
    private static readonly ConditionalWeakTable<KnowledgeBase, QuestionParser> Parsers = new();
    private const double MinimumSearchCoverage = 0.5;

    /// <summary>Keyword words matched that make a law question outrank the chat's current plan.</summary>
    private const int StrongRuleScore = 3;

    public static QuestionParser ParserFor(KnowledgeBase kb) => Parsers.GetValue(kb, k => new QuestionParser(k));

    public static Reply Answer(KnowledgeBase kb, string text, ChatState state, DateOnly today, QuestionKind forcedKind = QuestionKind.None)
    {
        var q = ParserFor(kb).Parse(text);
        var kind = forcedKind != QuestionKind.None ? forcedKind : q.KindScore >= 1 ? q.Kind : QuestionKind.None;
        var context = state.CampaignId is { } id ? kb.Find(id) : null;

        if (kind == QuestionKind.None && q.Mention.IsNone)
        {
            if (q.IsGreeting) return GeneralAnswers.Welcome(kb, today, null);
            if (q.AsksHelp) return GeneralAnswers.Help(kb, today);
        }
        // A question about the law itself ("nghị định nào đang áp dụng?", "hồ sơ khen đột xuất gồm gì?") when no plan is named.
        if (q.Mention.IsNone && kb.Legal.MatchRule(q.Words, today) is { } law
            && (kind is QuestionKind.None or QuestionKind.LegalBasis || law.Score >= StrongRuleScore))
        {
            state.PendingKind = null;
            return GeneralAnswers.Rule(kb, law.Rule, today);
        }
        if (kind == QuestionKind.ListCampaigns && !(q.Mention.Explicit && q.Mention.Candidates.Count == 1))
        {
            state.PendingKind = null;
            return GeneralAnswers.ListCampaigns(kb, today, q.Words);
        }
        if (kind == QuestionKind.ListCampaigns)
            kind = q.Words.Any(w => w is "dien" or "ket" or "bat" or "con" or "het") ? QuestionKind.TimeFrame : QuestionKind.Contents;

        var isFollowUp = q.Mention.IsNone && (kind == QuestionKind.None ? q.HasSlots || q.LooksLikeFollowUp : q.LooksLikeFollowUp);
        if (kind == QuestionKind.None)
        {
            if (!q.Mention.IsNone && state.PendingKind is { } pending && QuestionKindCodes.TryParse(pending, out var waiting)) kind = waiting;
            else if (isFollowUp && state.LastKind is { } last && QuestionKindCodes.TryParse(last, out var previous) && context is not null) kind = previous;
            else if (!q.Mention.IsNone)
            {
                // "Cuộc thi tìm hiểu … ở Lào Cai": more than a plan's name, so look for it in that plan's text first.
                if (SearchWithin(kb, q, today) is { } quote) return quote;
                kind = QuestionKind.Overview;
            }
        }
        if (kind == QuestionKind.NextDeadlines && q.Mention.IsNone && !isFollowUp)
            return GeneralAnswers.NextDeadlinesEverywhere(kb, today);

        if (kind == QuestionKind.None)
            return Search(kb, q, context, today);

        var candidates = q.Mention.IsNone ? (context is null ? kb.Campaigns : [context]) : q.Mention.Candidates;
        if (q.Mention.IsNone && context is null)
        {
            // No plan named: a body or an award form the question names can narrow the choice.
            var narrowed = kind == QuestionKind.Responsibilities
                ? BodyNames.PlansNaming(kb.Campaigns, q.Words)
                : BodyNames.PlansOfferingAward(kb.Campaigns, q.Words);
            if (narrowed.Count == 0) narrowed = PlansWhoseTextFits(kb, q);
            if (narrowed.Count > 0) candidates = narrowed;
        }
        if (candidates.Count > 1 && context is not null && candidates.Contains(context) && !q.Mention.Explicit) candidates = [context];
        if (candidates.Count != 1)
        {
            state.PendingKind = kind.Code();
            state.PendingText = text.Length <= 300 ? text : null;
            var why = q.Mention.AnniversaryNames.Count > 0
                ? $"Có {candidates.Count} kế hoạch chào mừng {string.Join(", ", q.Mention.AnniversaryNames)}. Bạn hỏi kế hoạch nào?"
                : null;
            return GeneralAnswers.WhichCampaign(candidates, kind, today, why, q.PhaseNumber, q.Beneficiary);
        }

        var campaign = candidates[0];
        var sameTopic = context == campaign;
        var phase = q.PhaseNumber ?? (sameTopic && isFollowUp ? state.PhaseNumber : null);
        var beneficiary = q.Beneficiary ?? (sameTopic && isFollowUp && state.Beneficiary is { } b && Enum.TryParse<Beneficiary>(b, out var parsed) ? parsed : null);
        return AnswerAbout(kb, campaign, kind, state, today, phase, beneficiary, q.Quarter, q.Words);
    }

    public static Reply AnswerAbout(KnowledgeBase kb, Campaign campaign, QuestionKind kind, ChatState state, DateOnly today, int? phase, Beneficiary? beneficiary, int? quarter = null, IReadOnlyList<string>? words = null)
    {
        state.CampaignId = campaign.Id;
        state.LastKind = kind.Code();
        state.PhaseNumber = phase;
        state.Beneficiary = beneficiary?.ToString();
        state.PendingKind = null;
        state.PendingText = null;
        return CampaignAnswers.Answer(new AnswerRequest(campaign, kind, today, phase, beneficiary, quarter, words) { Legal = kb.Legal });
    }

    /// <summary>"cụm thi đua 7 tỉnh miền núi…": when only one plan's text holds the question's own words, that plan is meant.</summary>
    private static List<Campaign> PlansWhoseTextFits(KnowledgeBase kb, ParsedQuestion q)
    {
        // Only the words beyond the question's kind count: "biên bản", "tổng kết", "khi nào" are in every plan.
        var topic = string.Join(' ', q.TopicWords);
        if (kb.PlanSearch.ContentTerms(topic).Count < 2) return [];
        var hits = kb.PlanSearch.Search(topic, null, 5).Where(h => h.Coverage >= 0.75).ToList();
        var plans = hits.Select(h => h.Passage.Campaign).Distinct().ToList();
        return plans.Count == 1 ? plans : [];
    }

    private static Reply? SearchWithin(KnowledgeBase kb, ParsedQuestion q, DateOnly today)
    {
        var topic = kb.PlanSearch.ContentTerms(string.Join(' ', q.Mention.OtherWords));
        if (topic.Count < 2) return null;
        var hit = kb.PlanSearch.Search(string.Join(' ', topic), q.Mention.Candidates, 5).Where(h => h.Coverage >= 0.6).FirstOrDefault();
        return hit is null ? null : GeneralAnswers.Quote(hit, today);
    }

    private static Reply Search(KnowledgeBase kb, ParsedQuestion q, Campaign? context, DateOnly today)
    {
        var within = q.Mention.IsNone ? null : q.Mention.Candidates;
        var hits = kb.PlanSearch.Search(q.Text, within);
        var best = hits.Where(h => h.Coverage >= MinimumSearchCoverage).FirstOrDefault();
        if (best is not null && context is not null && within is null)
        {
            // Prefer the plan the chat is already about when it has a comparable passage.
            var contextHits = kb.PlanSearch.Search(q.Text, [context], 1);
            var inContext = contextHits.Count > 0 ? contextHits[0] : null;
            if (inContext is not null && inContext.Coverage >= best.Coverage && inContext.Score >= best.Score * 0.8) best = inContext;
        }
        return best is null ? GeneralAnswers.NotUnderstood(kb, today, context) : GeneralAnswers.Quote(best, today);
    }
}
