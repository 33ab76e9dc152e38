using System.Runtime.CompilerServices;
using ThiDua.Core.Answers;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Questions;

/// <summary>
/// Turns a question into an answer. First what is not there (a plan number or place no loaded plan has), questions
/// about places and the law, and questions across plans; then the plan (named, else the chat's, else the one whose
/// own facts hold the question's words, else asked back when plans really tie); then every kind of fact the
/// question asks of it, each answered from the plan's facts or, where those are silent, its own sentences.
/// </summary>
public static class QuestionAnswerer
{
    private static readonly ConditionalWeakTable<KnowledgeBase, QuestionParser> Parsers = new();

    /// <summary>Keyword words matched that make a law question outrank the chat's current plan.</summary>
    private const int StrongRuleScore = 3;
    /// <summary>More plans than this named in one question are asked back rather than answered side by side.</summary>
    private const int MaxCompared = 3;
    /// <summary>The chat's plan gives way to another only when that one holds the question's words this well.</summary>
    private const double SwitchCoverage = 0.75;

    private const string NotUnderstood = "not_understood";

    public static QuestionParser ParserFor(KnowledgeBase kb) => Parsers.GetValue(kb, k => new QuestionParser(k));

    public static Reply Answer(KnowledgeBase kb, string text, ChatState state, DateOnly today, QuestionKind forcedKind = QuestionKind.None)
    {
        var q = ParserFor(kb).Parse(text);
        var context = state.CampaignId is { } id ? kb.Find(id) : null;
        var cued = forcedKind != QuestionKind.None || q.KindScore >= 1;

        if (!cued && q.Mention.IsNone && q.Places.Count == 0)
        {
            if (q.IsGreeting) return GeneralAnswers.Welcome(kb, today, null);
            if (q.AsksHelp) return GeneralAnswers.Help(kb, today);
        }
        if (PlaceAnswers.IsAbout(q)) return Done(state, PlaceAnswers.Answer(kb, q, today));
        if (forcedKind == QuestionKind.None && Declines.OffTopic(kb, q)) return Done(state, Declines.NotUnderstood(kb, q, today, null) with { Declined = NotUnderstood });
        if (Declines.PlanNotLoaded(kb, q, today) is { } notLoaded) return Done(state, notLoaded with { Declined = "not_loaded" });
        if (forcedKind == QuestionKind.ListCampaigns
            || forcedKind == QuestionKind.None && (q.AsksWhichPlans || context is null && (q.AsksWhichMovements || q.Kind == QuestionKind.ListCampaigns && !q.Mention.Explicit)))
            return Done(state, PlansMatching.Answer(kb, q, today));
        // A question about the law itself ("nghị định nào đang áp dụng?", "hồ sơ khen đột xuất gồm gì?") when no plan is
        // named; a follow-up in a chat about a plan ("vậy ai thẩm định hồ sơ?") is about that plan, the law only where it is silent.
        // So is one whose words a sentence of the chat's plan holds ("ấp xếp thứ hai được thưởng bao nhiêu").
        if (q.Mention.IsNone && !(context is not null && q.LooksLikeFollowUp) && kb.Legal.MatchRule(q.Words, today) is { } law
            && (!cued || q.Kind == QuestionKind.LegalBasis || law.Score >= StrongRuleScore) && !(context is not null && PlanSays(kb, context, q)))
            return Done(state, GeneralAnswers.Rule(kb, law.Rule, today));

        // No cue: a plan named after "which plan?", a follow-up ("còn đợt 2?"), words only one plan holds, or nothing.
        QuestionKind? carried = null;
        IReadOnlyList<string> topic = [];
        var isFollowUp = q.Mention.IsNone && (cued ? q.LooksLikeFollowUp : q.HasSlots || q.LooksLikeFollowUp);
        if (forcedKind != QuestionKind.None) carried = forcedKind;
        else if (!cued && !q.Mention.IsNone && state.PendingKind is { } pending && QuestionKindCodes.TryParse(pending, out var waiting))
        {
            carried = waiting;
            if (state.PendingText is { } pendingText) q = ParserFor(kb).Parse(pendingText) with { Mention = q.Mention };
        }
        else if (!cued && (isFollowUp || q.LooksLikeFollowUp) && context is not null && state.LastKind is { } last && QuestionKindCodes.TryParse(last, out var previous))
        {
            carried = previous;
            topic = state.LastTopic?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        }

        if (carried is null && q.Kind == QuestionKind.NextDeadlines && q.Mention.IsNone && !isFollowUp)
            return Done(state, GeneralAnswers.NextDeadlinesEverywhere(kb, today));
        var candidates = Candidates(kb, q, context, carried is not null);
        if (candidates.Count == 0) return Declines.NotUnderstood(kb, q, today, context) with { Declined = NotUnderstood };
        // "Hải Dương với Lào Cai, bên nào …": several plans named outright are answered side by side.
        if (candidates.Count is > 1 and <= MaxCompared && q.Mention.PlacesNamed == candidates.Count && !q.AsksWhichPlans)
        {
            // The same kinds for every plan compared (those the first plan's facts point at), each with its own focus.
            var kinds = carried is { } kc ? [kc] : AskedKinds.Of(kb, candidates[0], q).Select(a => a.Kind).DefaultIfEmpty(QuestionKind.Overview).ToList();
            return Done(state, CampaignAnswers.SideBySide([.. candidates.Select(c => Request(kb, c, [.. kinds.Select(k => Focused(kb, c, q, k))], today, q.PhaseNumber, q.Beneficiary, q))]));
        }
        if (candidates.Count > 1)
        {
            var kind = carried ?? (cued ? q.Kind : QuestionKind.Overview);
            state.PendingKind = kind.Code();
            state.PendingText = text.Length <= 300 ? text : null;
            var why = q.Mention.AnniversaryNames.Count > 0
                ? $"Có {candidates.Count} kế hoạch chào mừng {string.Join(", ", q.Mention.AnniversaryNames)}. Bạn hỏi kế hoạch nào?"
                : null;
            return GeneralAnswers.WhichCampaign(candidates, kind, today, why, q.PhaseNumber, q.Beneficiary);
        }

        var campaign = candidates[0];
        var asks = carried is { } k ? [Focused(kb, campaign, q, k, context == campaign ? topic : [])] : AskedKinds.Of(kb, campaign, q);
        if (asks.Count == 0)
        {
            if (!q.Mention.IsNone && NotInPlan.Answer(kb, campaign, q) is { } silent)
            {
                state.CampaignId = campaign.Id;
                return Done(state, silent with { Declined = "not_in_plan" });
            }
            if (!q.Mention.IsNone) asks = [Ask.Of(QuestionKind.Overview)];
            else return Declines.NotUnderstood(kb, q, today, context) with { Declined = NotUnderstood };
        }
        var sameTopic = context == campaign;
        var phase = q.PhaseNumber ?? (sameTopic && isFollowUp ? state.PhaseNumber : null);
        var beneficiary = q.Beneficiary ?? (sameTopic && isFollowUp && state.Beneficiary is { } b && Enum.TryParse<Beneficiary>(b, out var parsed) ? parsed : null);
        return AnswerAbout(kb, campaign, asks, state, today, phase, beneficiary, q);
    }

    /// <summary>A sentence of the plan holds most of the question, and words of it rare enough to say so.</summary>
    private static bool PlanSays(KnowledgeBase kb, Campaign plan, ParsedQuestion q)
    {
        var terms = q.Clauses.SelectMany(c => c.Terms).Distinct(StringComparer.Ordinal).ToList();
        return kb.Units.Search(terms, plan, u => u.IsParagraph, 1) is [var top]
            && top.Coverage >= PlanSaysCoverage && top.Matched.Sum(kb.Units.Weight) >= AskedKinds.SureMatch;
    }

    private const double PlanSaysCoverage = 0.5;

    /// <summary>The plans the question can be about, narrowed by what it says; one means answer, several mean ask.</summary>
    private static IReadOnlyList<Campaign> Candidates(KnowledgeBase kb, ParsedQuestion q, Campaign? context, bool carried)
    {
        if (!q.Mention.IsNone)
        {
            var named = q.Mention.Candidates;
            if (named.Count > 1 && context is not null && named.Contains(context) && !q.Mention.Explicit) return [context];
            // Each plan named by a place of its own is meant; several plans under one name are told apart by content.
            return q.Mention.PlacesNamed == named.Count ? named : PlanChoice.Narrow(kb, q, named);
        }
        if (context is not null)
        {
            if (carried) return [context];
            // "thi đua bầu cử …", "Bộ CHQS tỉnh làm gì" while the chat was about a plan that has none of it: the plans
            // whose facts hold the words are meant (asked back if several).
            var content = q.ContentTerms.Distinct(StringComparer.Ordinal).ToList();
            var elsewhere = PlanChoice.Narrow(kb, q, kb.Campaigns);
            if (elsewhere.Count is > 0 and <= MaxCompared && !elsewhere.Contains(context) && elsewhere.Count < kb.Campaigns.Count
                && elsewhere.All(o => PlanChoice.Score(kb, o, content) >= SwitchCoverage) && PlanChoice.Score(kb, context, content) < SwitchCoverage / 2)
                return elsewhere;
            return [context];
        }
        if (q.KindScore < 1 && !carried)
        {
            // No cue and no plan: only a unit that holds the words can say which plan is meant.
            var hits = kb.Units.Search(q.Clauses.SelectMany(c => c.Terms).ToList(), take: 5).Where(h => h.Coverage >= 0.6).ToList();
            return [.. hits.Select(h => h.Unit.Campaign).Distinct().Take(hits.Count > 0 && hits.All(h => h.Unit.Campaign == hits[0].Unit.Campaign) ? 1 : 0)];
        }
        return PlanChoice.Narrow(kb, q, kb.Campaigns);
    }

    /// <summary>The kind, with the plan's units of that kind the question's words point at.</summary>
    /// <param name="topic">What the question before was about, for a follow-up that says only who or when.</param>
    internal static Ask Focused(KnowledgeBase kb, Campaign campaign, ParsedQuestion q, QuestionKind kind, IReadOnlyList<string>? topic = null)
    {
        var terms = q.Clauses.SelectMany(c => c.Terms).Concat(topic ?? []).Distinct(StringComparer.Ordinal).ToList();
        return new Ask(kind, [.. kb.Units.Search(terms, campaign, u => u.Kinds.Contains(kind), 20).Where(h => h.Coverage > 0)]);
    }

    /// <summary>A button's question: one kind about one plan, with the details of the question it came from, if any.</summary>
    public static Reply AnswerAbout(KnowledgeBase kb, Campaign campaign, QuestionKind kind, ChatState state, DateOnly today, int? phase, Beneficiary? beneficiary, ParsedQuestion? asked = null, int skip = 0) =>
        AnswerAbout(kb, campaign, [asked is null ? Ask.Of(kind) : Focused(kb, campaign, asked, kind)], state, today, phase, beneficiary, asked, skip);

    private static Reply AnswerAbout(KnowledgeBase kb, Campaign campaign, List<Ask> asks, ChatState state, DateOnly today, int? phase, Beneficiary? beneficiary, ParsedQuestion? q, int skip = 0)
    {
        state.CampaignId = campaign.Id;
        state.LastKind = asks[0].Kind.Code();
        // A question with words of its own sets the topic; one with none ("còn cá nhân thì sao?") keeps the one before.
        if (q is not null && q.ContentTerms.Any()) state.LastTopic = string.Join(' ', q.ContentTerms.Distinct(StringComparer.Ordinal).Take(MaxTopicTerms));
        state.PhaseNumber = phase;
        state.Beneficiary = beneficiary?.ToString();
        state.PendingKind = null;
        state.PendingText = null;
        return CampaignAnswers.Answer(Request(kb, campaign, asks, today, phase, beneficiary, q) with { Skip = skip });
    }

    private static AnswerRequest Request(KnowledgeBase kb, Campaign campaign, List<Ask> asks, DateOnly today, int? phase, Beneficiary? beneficiary, ParsedQuestion? q)
    {
        if (asks.Count == 0) asks = [Ask.Of(QuestionKind.Overview)];
        // "quý này" is today's quarter.
        var quarter = q?.Quarter ?? (q?.ThisPeriod == "quy" ? (today.Month + 2) / 3 : null);
        return new AnswerRequest(campaign, asks[0].Kind, today, phase, beneficiary, quarter, q?.Words)
        {
            Legal = kb.Legal,
            Asks = asks,
            Question = q,
            Units = kb.Units,
        };
    }

    /// <summary>Enough of a question's words to say what it was about; a long message is cut, not stored whole.</summary>
    private const int MaxTopicTerms = 24;

    private static Reply Done(ChatState state, Reply reply)
    {
        state.PendingKind = null;
        state.PendingText = null;
        return reply;
    }
}
