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

/// <summary>A page of the table, with the choices its filters offer (only what this person can see).</summary>
public sealed record NominationPage(IReadOnlyList<NominationRow> Rows, int Total, int Page, int PageCount, IReadOnlyList<Campaign> Plans, IReadOnlyList<(string Key, string Name)> Units);

/// <summary>
/// The nominations one person may read (<see cref="AccessPolicy.CanRead"/>: their own, their unit's, and, once
/// submitted, those of the plans they appraise), filtered, searched, sorted and paged for the web desk.
/// </summary>
public sealed class NominationTable(BotDatabase db)
{
    public const int MaxPageSize = 100;

    public NominationPage Find(KnowledgeBase kb, Actor actor, NominationQuery q)
    {
        var visible = Visible(kb, actor);
        var plans = kb.Campaigns.Where(c => visible.Any(n => n.CampaignId == c.Id)).ToList();
        var units = visible.GroupBy(n => n.UnitKey).Select(g => (g.Key, Name: g.First().ProposingUnit ?? g.Key)).OrderBy(u => u.Name, StringComparer.Ordinal).ToList();
        var rows = Matching(kb, visible, q);
        var size = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (rows.Count + size - 1) / size);
        var page = Math.Clamp(q.Page, 1, pageCount);
        return new NominationPage([.. rows.Skip((page - 1) * size).Take(size)], rows.Count, page, pageCount, plans, units);
    }

    /// <summary>Every row the filters keep, in the query's order (an export takes them all).</summary>
    public List<NominationRow> All(KnowledgeBase kb, Actor actor, NominationQuery q) => Matching(kb, Visible(kb, actor), q);

    private static List<NominationRow> Matching(KnowledgeBase kb, List<Nomination> visible, NominationQuery q)
    {
        var words = VietnameseText.Fold(q.Search ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = visible
            .Where(n => (q.Plan is null || n.CampaignId == q.Plan) && (q.Phase is null || n.PhaseId == q.Phase) && (q.Unit is null || n.UnitKey == q.Unit)
                && (q.Award is null || n.AwardId == q.Award) && (q.Status is null || n.Status == q.Status))
            .Where(n => words.Length == 0 || words.All(w => n.NameKey.Contains(w, StringComparison.Ordinal) || VietnameseText.Fold(n.Code).Contains(w, StringComparison.Ordinal)))
            .Select(n => kb.Find(n.CampaignId ?? "") is { } c ? new NominationRow(n, c, DossierChecklist.MissingCount(n, c)) : new NominationRow(n, null, 0))
            .Where(r => !q.Incomplete || r.Missing > 0);
        return [.. Sorted(rows, q.Sort, q.Descending)];
    }

    /// <summary>One nomination by its code, if this person may read it; null otherwise (the desk answers 404 either way).</summary>
    public Nomination? ByCode(KnowledgeBase kb, Actor actor, string code) =>
        code.Length is > 0 and <= 40 && db.Nominations.FindOne(n => n.Code == code) is { } n && Shows(kb, actor, n) ? n : null;

    /// <summary>The access rule decides; withdrawn nominations are their owner's history only.</summary>
    private static bool Shows(KnowledgeBase kb, Actor actor, Nomination n) =>
        AccessPolicy.CanRead(actor, n, kb) && (n.Status != NominationStatus.Withdrawn || AccessPolicy.Owns(actor, n));

    private List<Nomination> Visible(KnowledgeBase kb, Actor actor)
    {
        var found = new Dictionary<int, Nomination>();
        foreach (var key in actor.Keys)
            foreach (var n in db.Nominations.Find(n => n.OwnerKey == key)) found[n.Id] = n;
        if (actor.MemberUnitKey is { } unit)
            foreach (var n in db.Nominations.Find(n => n.UnitKey == unit)) found[n.Id] = n;
        foreach (var plan in AccessPolicy.Reviewable(actor, kb))
        {
            var id = plan.Id;
            foreach (var n in db.Nominations.Find(n => n.CampaignId == id)) found[n.Id] = n;
        }
        // The lookups above only narrow what the access rule is asked about.
        return [.. found.Values.Where(n => Shows(kb, actor, n))];
    }

    private static IEnumerable<NominationRow> Sorted(IEnumerable<NominationRow> rows, NominationSort sort, bool descending)
    {
        Func<NominationRow, string> key = sort switch
        {
            NominationSort.Code => r => r.Nomination.Code,
            NominationSort.Name => r => r.Nomination.NameKey,
            NominationSort.Unit => r => VietnameseText.Fold(r.Nomination.ProposingUnit ?? ""),
            NominationSort.Status => r => ((int)r.Nomination.Status).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            _ => r => (r.Nomination.SubmittedAt ?? r.Nomination.CreatedAt).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        var ordered = descending ? rows.OrderByDescending(key, StringComparer.Ordinal) : rows.OrderBy(key, StringComparer.Ordinal);
        return ordered.ThenBy(r => r.Nomination.Id);
    }
}
