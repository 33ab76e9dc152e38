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
/// filters kept, in order, for what is worked out over all of them (totals).
/// </summary>
public sealed record NominationPage(IReadOnlyList<NominationRow> Rows, int Page, int PageCount, IReadOnlyList<Campaign> Plans, IReadOnlyList<(string Key, string Name)> Units, IReadOnlyList<Nomination> Matching)
{
    public int Total => Matching.Count;
}

/// <summary>
/// The nominations one person may read (<see cref="AccessPolicy.CanRead"/>: their own, their unit's, and, once
/// submitted, those of the plans they appraise), filtered, searched, sorted and paged for the web desk.
/// </summary>
public sealed class NominationTable(BotDatabase db)
{
    public const int MaxPageSize = 100;

    public NominationPage Find(KnowledgeBase kb, Actor actor, NominationQuery q)
    {
        var matching = Matching(kb, Visible(kb, actor, q.Unit), q);
        var (plans, units) = Choices(kb, actor);
        var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (matching.Count + size - 1) / size);
        var page = Math.Clamp(q.Page, 1, pageCount);
        // What a dossier lacks is worked out for the rows shown, not for every row that matched.
        var rows = matching.Skip((page - 1) * size).Take(size).Select(n => Row(kb, n)).ToList();
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
            : Visible(kb, actor, null).Select(n => (n.UnitKey, Name: n.ProposingUnit ?? n.UnitKey)).DistinctBy(u => u.UnitKey);
        return (plans, [.. units.OrderBy(u => u.Item2, StringComparer.Ordinal)]);
    }

    /// <summary>Every nomination the filters keep, in the query's order (an export takes them all).</summary>
    public List<Nomination> All(KnowledgeBase kb, Actor actor, NominationQuery q) => Matching(kb, Visible(kb, actor, q.Unit), q);

    private static NominationRow Row(KnowledgeBase kb, Nomination n) =>
        kb.Find(n.CampaignId ?? "") is { } c ? new NominationRow(n, c, DossierChecklist.MissingCount(n, c)) : new NominationRow(n, null, 0);

    private static List<Nomination> Matching(KnowledgeBase kb, List<Nomination> visible, NominationQuery q)
    {
        var words = VietnameseText.Fold(q.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = visible
            .Where(n => (q.Plan is null || n.CampaignId == q.Plan) && (q.Phase is null || n.PhaseId == q.Phase) && (q.Unit is null || n.UnitKey == q.Unit)
                && (q.Award is null || n.AwardId == q.Award) && (q.Status is null || n.Status == q.Status))
            .Where(n => words.Length == 0 || words.All(w => n.NameKey.Contains(w, StringComparison.Ordinal) || VietnameseText.Fold(n.Code).Contains(w, StringComparison.Ordinal)))
            .Where(n => !q.Incomplete || Row(kb, n).Missing > 0);
        return [.. Sorted(rows, q.Sort, q.Descending)];
    }

    /// <summary>One nomination by its code, if this person may read it; null otherwise (the desk answers 404 either way).</summary>
    public Nomination? ByCode(KnowledgeBase kb, Actor actor, string code) =>
        code.Length is > 0 and <= 40 && db.Nominations.FindOne(n => n.Code == code) is { } n && Shows(kb, actor, n) ? n : null;

    /// <summary>The access rule decides; withdrawn nominations are their owner's history only.</summary>
    private static bool Shows(KnowledgeBase kb, Actor actor, Nomination n) =>
        AccessPolicy.CanRead(actor, n, kb) && (n.Status != NominationStatus.Withdrawn || AccessPolicy.Owns(actor, n));

    /// <param name="unit">One unit's only, read by its index (the table filtered by unit), or everything visible.</param>
    private List<Nomination> Visible(KnowledgeBase kb, Actor actor, string? unit)
    {
        if (unit is not null) return [.. db.Nominations.Find(n => n.UnitKey == unit).Where(n => Shows(kb, actor, n))];
        var found = new Dictionary<int, Nomination>();
        foreach (var key in actor.Keys)
            foreach (var n in db.Nominations.Find(n => n.OwnerKey == key)) found[n.Id] = n;
        if (actor.MemberUnitKey is { } own)
            foreach (var n in db.Nominations.Find(n => n.UnitKey == own)) found[n.Id] = n;
        foreach (var plan in AccessPolicy.Reviewable(actor, kb))
        {
            var id = plan.Id;
            foreach (var n in db.Nominations.Find(n => n.CampaignId == id)) found[n.Id] = n;
        }
        // The lookups above only narrow what the access rule is asked about.
        return [.. found.Values.Where(n => Shows(kb, actor, n))];
    }

    private static IEnumerable<Nomination> Sorted(IEnumerable<Nomination> rows, NominationSort sort, bool descending)
    {
        Func<Nomination, string> key = sort switch
        {
            NominationSort.Code => n => n.Code,
            NominationSort.Name => n => n.NameKey,
            NominationSort.Unit => n => n.UnitKey,
            NominationSort.Status => n => ((int)n.Status).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            _ => n => (n.SubmittedAt ?? n.CreatedAt).Ticks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture),
        };
        var ordered = descending ? rows.OrderByDescending(key, StringComparer.Ordinal) : rows.OrderBy(key, StringComparer.Ordinal);
        return ordered.ThenBy(n => n.Id);
    }
}
