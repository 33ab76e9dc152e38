using ThiDua.Core.Access;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Review;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Desk;

/// <summary>How the table of nominations is cut: every filter optional, as the web desk's query parameters carry them.</summary>
public sealed record NominationQuery
{
    public string? Plan { get; init; }
    public string? Phase { get; init; }
    public string? Unit { get; init; }
    public string? Award { get; init; }
    public NominationStatus? Status { get; init; }
    /// <summary>Only those whose dossier still lacks a component.</summary>
    public bool Incomplete { get; init; }
    /// <summary>Words of the nominee's name or the code, with or without diacritics.</summary>
    public string? Search { get; init; }
    public NominationSort Sort { get; init; } = NominationSort.Submitted;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
}

public enum NominationSort
{
    Submitted,
    Code,
    Name,
    Unit,
    Status,
}

/// <summary>One row as the table shows it.</summary>
public sealed record NominationRow(Nomination Nomination, Campaign? Plan, int Missing)
{
    public string AwardName => Plan?.Awards.FirstOrDefault(a => a.Id == Nomination.AwardId)?.Name ?? Nomination.AwardId ?? "";
    public string PhaseName => Plan?.Phases.FirstOrDefault(p => p.Id == Nomination.PhaseId)?.Name ?? "";
}

/// <summary>
/// A page of the table, with the choices its filters offer (only what this person can see), and every nomination the
/// filters kept, in no particular order, for what is worked out over all of them (totals).
/// </summary>
public sealed record NominationPage(IReadOnlyList<NominationRow> Rows, int Page, int PageCount, IReadOnlyList<Campaign> Plans, IReadOnlyList<(string Key, string Name)> Units, IReadOnlyList<INominationFacts> Matching)
{
    public int Total => Matching.Count;
}

/// <summary>
/// The nominations one person may read (<see cref="AccessPolicy.CanRead"/>: their own, their unit's, and, once
/// submitted, those of the plans they appraise), filtered, searched, sorted and paged for the web desk. Filters,
/// order and totals work on the facts kept in memory (<see cref="BotDatabase.NominationFacts"/>); only the rows
/// shown, or exported, are read whole.
/// </summary>
public sealed class NominationTable(BotDatabase db)
{
    public const int MaxPageSize = 100;

    public NominationPage Find(KnowledgeBase kb, Actor actor, NominationQuery q)
    {
        var matching = Kept(kb, actor, q);
        var (plans, units) = Choices(kb, actor);
        var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (matching.Count + size - 1) / size);
        var page = Math.Clamp(q.Page, 1, pageCount);
        // Only the page is put in order (a partial sort): sorting all 100,000 at each page is most of the time.
        var rows = db.Whole(Ordered(matching, q.Sort, q.Descending).Skip((page - 1) * size).Take(size)).Select(n => Row(kb, n)).ToList();
        return new NominationPage(rows, page, pageCount, plans, units, matching);
    }

    /// <summary>
    /// What the filters offer: the plans, and the units — for a reviewer every unit the bot knows (read from the
    /// units, not from 100,000 nominations), for an officer their own.
    /// </summary>
    private (List<Campaign> Plans, List<(string Key, string Name)> Units) Choices(KnowledgeBase kb, Actor actor)
    {
        var plans = actor.IsReviewer ? [.. AccessPolicy.Reviewable(actor, kb)] : kb.Campaigns.ToList();
        var units = actor.IsReviewer
            ? db.Units.FindAll().Select(u => (u.Key, u.Name))
            : Kept(kb, actor, new NominationQuery()).Select(n => (n.UnitKey, Name: n.ProposingUnit ?? n.UnitKey)).DistinctBy(u => u.UnitKey);
        return (plans, [.. units.OrderBy(u => u.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>Every nomination the filters keep, in the query's order, as facts (counts and totals need no more).</summary>
    public IReadOnlyList<INominationFacts> Facts(KnowledgeBase kb, Actor actor, NominationQuery q) => [.. Ordered(Kept(kb, actor, q), q.Sort, q.Descending)];

    /// <summary>Every nomination the filters keep, in the query's order, read whole (an export takes them all).</summary>
    public List<Nomination> All(KnowledgeBase kb, Actor actor, NominationQuery q) => [.. db.Whole(Ordered(Kept(kb, actor, q), q.Sort, q.Descending))];

    private static NominationRow Row(KnowledgeBase kb, Nomination n) =>
        kb.Find(n.CampaignId ?? "") is { } c ? new NominationRow(n, c, DossierChecklist.MissingCount(n, c)) : new NominationRow(n, null, 0);

    /// <summary>Every nomination the filters keep, in no particular order.</summary>
    private List<INominationFacts> Kept(KnowledgeBase kb, Actor actor, NominationQuery q)
    {
        var shows = Shows(kb, actor);
        var words = VietnameseText.Fold(q.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = db.NominationFacts.All()
            .Where(n => (q.Plan is null || n.CampaignId == q.Plan) && (q.Phase is null || n.PhaseId == q.Phase) && (q.Unit is null || n.UnitKey == q.Unit)
                && (q.Award is null || n.AwardId == q.Award) && (q.Status is null || n.Status == q.Status))
            .Where(n => words.Length == 0 || words.All(w => n.NameKey.Contains(w, StringComparison.Ordinal) || n.CodeKey.Contains(w, StringComparison.Ordinal)))
            .Where(n => shows(n))
            .Where(n => !q.Incomplete || (kb.Find(n.CampaignId ?? "") is { } c && DossierChecklist.MissingCount(n, c) > 0));
        return [.. rows];
    }

    /// <summary>One nomination by its code, if this person may read it; null otherwise (the desk answers 404 either way).</summary>
    public Nomination? ByCode(KnowledgeBase kb, Actor actor, string code) =>
        code.Length is > 0 and <= 40 && db.Nominations.FindOne(n => n.Code == code) is { } n && Shows(kb, actor)(n) ? n : null;

    /// <summary>The access rule decides; withdrawn nominations are their owner's history only.</summary>
    private static Func<INominationFacts, bool> Shows(KnowledgeBase kb, Actor actor)
    {
        var reads = AccessPolicy.Reader(actor, kb);
        return n => reads(n) && (n.Status != NominationStatus.Withdrawn || AccessPolicy.Owns(actor, n));
    }

    private static IOrderedEnumerable<INominationFacts> Ordered(IEnumerable<INominationFacts> rows, NominationSort sort, bool descending)
    {
        Comparison<INominationFacts> order = sort switch
        {
            NominationSort.Code => (a, b) => string.CompareOrdinal(a.Code, b.Code),
            NominationSort.Name => (a, b) => string.CompareOrdinal(a.NameKey, b.NameKey),
            NominationSort.Unit => (a, b) => string.CompareOrdinal(a.UnitKey, b.UnitKey),
            NominationSort.Status => (a, b) => a.Status.CompareTo(b.Status),
            _ => (a, b) => (a.SubmittedAt ?? a.CreatedAt).CompareTo(b.SubmittedAt ?? b.CreatedAt),
        };
        var sign = descending ? -1 : 1;
        // Ties in the order asked for keep the order they were registered in, whichever way.
        return rows.Order(Comparer<INominationFacts>.Create((a, b) => order(a, b) is var c and not 0 ? sign * c : a.Id.CompareTo(b.Id)));
    }
}
