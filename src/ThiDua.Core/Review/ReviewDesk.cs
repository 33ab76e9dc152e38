using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Review;

/// <summary>
/// The reviewer's side (/duyet): a queue of submitted nominations per campaign with filters (đơn vị, hình thức,
/// trạng thái, thiếu hồ sơ) and quotas used/allowed; open one with its files; move it on with buttons. Button data
/// "v|…" carries ids only, and every press is checked against the reviewer's scope.
/// </summary>
public sealed partial class ReviewDesk(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    private const int MaxListed = 8;
    private const string NotReviewer = Appraisal.NotReviewer;
    private readonly ReviewExports _exports = new(db, clock, access.Logger);

    [GeneratedRegex(@"(?<number>\d+[\w./-]*)\s*(?:,|ngày|ngay)?\s*(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex DecisionPattern();

    /// <summary>/duyet: the campaigns this reviewer covers, or straight to the queue when there is one.</summary>
    public Reply Start(KnowledgeBase kb, Actor actor)
    {
        if (!actor.IsReviewer) return access.Refuse(actor, "/duyet", NotReviewer);
        var campaigns = AccessPolicy.Reviewable(actor, kb);
        if (campaigns.Count == 0) return new Reply("Bạn chưa được phân công thẩm định kế hoạch nào. Liên hệ quản trị viên.");
        if (campaigns.Count == 1) return Queue(campaigns[0], Filter.Open);
        return new Reply("Thẩm định đề nghị của kế hoạch nào?") { Buttons = [.. campaigns.Select(c => (IReadOnlyList<Button>)[OnPlan(QueueAction.Queue, c).Button(c.ShortName)])] };
    }

    /// <param name="press">Null for data no review button writes (stale or forged).</param>
    public Reply Press(KnowledgeBase kb, Actor actor, ChatState state, ReviewPress? press, List<PushedMessage> pushed)
    {
        var data = press?.Data ?? "nút thẩm định không đọc được";
        if (!actor.IsReviewer) return access.Refuse(actor, data, NotReviewer);
        if (press is null) return Stale();
        if (press is ReviewPress.OnPlan onPlan)
        {
            if (kb.Find(onPlan.CampaignId) is not { } campaign || !AccessPolicy.Covers(actor, campaign))
                return access.Refuse(actor, data, "Bạn không được phân công thẩm định kế hoạch này.");
            var filter = onPlan.Shown;
            return onPlan.Action switch
            {
                QueueAction.Queue => Queue(campaign, filter),
                QueueAction.Spreadsheet => _exports.Spreadsheet(campaign, [.. db.Whole(Matching(campaign, filter))], filter.Describe(campaign, db)),
                QueueAction.ToTrinh => _exports.ToTrinh(campaign, [.. db.Whole(Matching(campaign, Filter.Open).Where(n => n.Status is NominationStatus.UnderReview or NominationStatus.Presented))]),
                QueueAction.Summary => ReviewExports.Summary(campaign, Matching(campaign, Filter.All)),
                QueueAction.PickUnit => PickUnit(campaign),
                _ => PickAward(campaign),
            };
        }
        // A draft never submitted is its unit's own: to a reviewer it does not exist.
        if (db.Nominations.FindById(press.Nomination ?? 0) is not { } n || kb.Find(n.CampaignId ?? "") is not { } c || !Appraisal.MayOpen(kb, actor, n))
            return access.Refuse(actor, data, Appraisal.OutOfScope);
        state.CurrentNominationId = n.Id;
        var conflict = access.ConflictOfInterest(actor, n);
        if (conflict is not null && press is ReviewPress.Move or ReviewPress.OnNomination { Action: not ReviewAction.Open })
            return access.Refuse(actor, data, Appraisal.ConflictMessage(n, conflict));
        switch (press)
        {
            case ReviewPress.OnNomination { Action: ReviewAction.Open }:
                return Details(kb, n, c, conflict);
            case ReviewPress.File file when file.Index >= 0 && file.Index < n.Attachments.Count:
                return _exports.Attachment(n, n.Attachments[file.Index]);
            case ReviewPress.OnNomination { Action: ReviewAction.Return } when StatusFlow.ReviewerMay(n.Status, NominationStatus.Returned):
                state.AwaitingInput = new ReturnReason(n.Id).Data;
                return new Reply($"Lý do trả lại đề nghị {n.Code}? (Người đề nghị sẽ nhận được lý do này.)");
            case ReviewPress.OnNomination { Action: ReviewAction.Decide } when StatusFlow.ReviewerMay(n.Status, NominationStatus.Awarded):
                state.AwaitingInput = new DecisionNumber(n.Id).Data;
                return new Reply($"Số và ngày quyết định khen thưởng cho {n.Code}? Ví dụ: 1234/QĐ-UBND ngày 20/12/2024");
            case ReviewPress.Move { To: var to } when to is not (NominationStatus.Returned or NominationStatus.Awarded) && StatusFlow.ReviewerMay(n.Status, to):
                return Move(kb, actor, n, c, new AppraisalStep(to), pushed);
            default:
                return new Reply($"Đề nghị {n.Code} đang “{StatusFlow.Name(n.Status)}”: không làm được thao tác này.") { Buttons = [[Open(n.Id).Button($"Mở {n.Code}")]] };
        }
    }

    /// <summary>The reason for a return, or the decision number and date, typed after the button asked for it.</summary>
    public Reply AnswerAwaited(KnowledgeBase kb, Actor actor, ChatState state, ReviewerInput awaited, string text, List<PushedMessage> pushed)
    {
        state.AwaitingInput = null;
        if (db.Nominations.FindById(awaited.NominationId) is not { } n || kb.Find(n.CampaignId ?? "") is not { } c || !AccessPolicy.Covers(actor, c)) return Stale();
        if (access.ConflictOfInterest(actor, n) is { } conflict)
            return access.Refuse(actor, awaited.Data, Appraisal.ConflictMessage(n, conflict));
        if (awaited is ReturnReason)
        {
            if (text.Trim().Length < Appraisal.MinReasonLength) { state.AwaitingInput = awaited.Data; return new Reply("Lý do trả lại cần rõ hơn (ít nhất vài chữ). Bạn gõ lại nhé."); }
            return StatusFlow.ReviewerMay(n.Status, NominationStatus.Returned) ? Move(kb, actor, n, c, new AppraisalStep(NominationStatus.Returned, text.Trim()), pushed) : Stale();
        }
        var m = DecisionPattern().Match(text);
        if (!m.Success || !DateOnly.TryParseExact($"{m.Groups["d"].Value}/{m.Groups["m"].Value}/{m.Groups["y"].Value}", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            state.AwaitingInput = awaited.Data;
            return new Reply("Chưa đọc được số và ngày quyết định. Gõ theo mẫu: 1234/QĐ-UBND ngày 20/12/2024");
        }
        return StatusFlow.ReviewerMay(n.Status, NominationStatus.Awarded)
            ? Move(kb, actor, n, c, new AppraisalStep(NominationStatus.Awarded, DecisionNumber: m.Groups["number"].Value, DecisionDate: date), pushed)
            : Stale();
    }

    private Reply Move(KnowledgeBase kb, Actor actor, Nomination n, Campaign c, AppraisalStep step, List<PushedMessage> pushed)
    {
        var from = n.Status;
        if (new Appraisal(db, clock, access).Apply(actor, n, step) is { } notice) pushed.Add(notice);
        var reply = Details(kb, n, c);
        return reply with { Text = $"Đã chuyển {n.Code}: {StatusFlow.Name(from)} → {StatusFlow.Name(step.To)}.\n\n{reply.Text}" };
    }

    private Reply Queue(Campaign campaign, Filter filter)
    {
        var rows = Matching(campaign, filter);
        var lines = new List<string> { $"Thẩm định — {campaign.ShortName} ({KnowledgeBase.PlanName(campaign)}): {rows.Count} đề nghị ({filter.Describe(campaign, db)})." };
        lines.AddRange(QuotaUse.Lines(db, campaign));
        var listed = db.Whole(rows.Take(MaxListed)).ToList();
        foreach (var n in listed)
        {
            var missing = DossierChecklist.MissingCount(n, campaign);
            lines.Add($"• {n.Code} — {n.NomineeName} — {AwardName(campaign, n)} — {n.ProposingUnit} — {StatusFlow.Name(n.Status)}{(missing > 0 ? $" — thiếu {missing} hồ sơ" : "")}");
        }
        if (rows.Count > MaxListed) lines.Add($"… và {rows.Count - MaxListed} đề nghị nữa (xuất Excel để xem hết).");
        var buttons = listed.Select(n => (IReadOnlyList<Button>)[Open(n.Id).Button($"Mở {n.Code} — {Short(n.NomineeName)}")]).ToList();
        buttons.Add([
            OnPlan(QueueAction.Queue, campaign, Filter.WithStatus(NominationStatus.Submitted)).Button("Chờ thẩm định"),
            OnPlan(QueueAction.Queue, campaign, Filter.WithStatus(NominationStatus.UnderReview)).Button("Đang thẩm định"),
            OnPlan(QueueAction.Queue, campaign, Filter.Incomplete).Button("Thiếu hồ sơ")]);
        buttons.Add([OnPlan(QueueAction.PickUnit, campaign).Button("Theo đơn vị"), OnPlan(QueueAction.PickAward, campaign).Button("Theo hình thức"), OnPlan(QueueAction.Queue, campaign, Filter.All).Button("Tất cả")]);
        buttons.Add([OnPlan(QueueAction.Spreadsheet, campaign, filter).Button("Xuất Excel"), OnPlan(QueueAction.ToTrinh, campaign).Button("Dự thảo tờ trình"), OnPlan(QueueAction.Summary, campaign).Button("Tổng hợp")]);
        return new Reply(string.Join('\n', lines)) { Buttons = buttons };
    }

    private Reply PickUnit(Campaign campaign)
    {
        var units = Matching(campaign, Filter.All).GroupBy(n => n.UnitKey).Select(g => (Key: g.Key, Name: g.First().ProposingUnit ?? g.Key, Count: g.Count())).OrderBy(u => u.Name).Take(12).ToList();
        if (units.Count == 0) return new Reply("Chưa có đề nghị nào của đơn vị nào.");
        return new Reply("Lọc theo đơn vị đề nghị:") { Buttons = [.. units.Select(u => (IReadOnlyList<Button>)[OnPlan(QueueAction.Queue, campaign, Filter.OfUnit(u.Key)).Button($"{u.Name} ({u.Count})")])] };
    }

    private static Reply PickAward(Campaign campaign) =>
        new("Lọc theo hình thức khen thưởng:") { Buttons = [.. campaign.Awards.Select(a => (IReadOnlyList<Button>)[OnPlan(QueueAction.Queue, campaign, Filter.OfAward(a.Id)).Button(a.Name)])] };

    /// <summary>The plan's nominations the filter keeps, oldest submission first, as facts: only what is listed or exported is read whole.</summary>
    private List<INominationFacts> Matching(Campaign campaign, Filter filter) =>
        [.. db.NominationFacts.All().Where(n => n.CampaignId == campaign.Id && filter.Matches(n, campaign)).OrderBy(n => n.SubmittedAt ?? n.CreatedAt).ThenBy(n => n.Id)];

    /// <param name="conflict">Why this reviewer may not move it (they created, submitted or propose it): shown, and no status buttons.</param>
    private static Reply Details(KnowledgeBase kb, Nomination n, Campaign c, string? conflict = null)
    {
        var lines = new List<string> { $"Đề nghị {n.Code} — {StatusFlow.Name(n.Status)} — {n.ProposingUnit}" };
        if (conflict is not null) lines.Add($"⚖️ Bạn không thẩm định đề nghị này ({conflict}): cán bộ thẩm định khác sẽ làm.");
        lines.AddRange(FormFields.Describe(kb, n, brief: true).Select(x => "• " + x));
        lines.AddRange(DossierChecklist.Lines(n, c));
        if (n.ReturnReason is { } reason && n.Status == NominationStatus.Returned) lines.Add($"Lý do trả lại: {reason}");
        if (n.DecisionNumber is { } number) lines.Add($"Quyết định: {number}{(n.DecisionDate is { } d ? $" ngày {Text.VietnameseDates.Format(d)}" : "")}");
        lines.AddRange(HistoryLines(n));
        var buttons = new List<IReadOnlyList<Button>>();
        var next = (conflict is null ? StatusFlow.ReviewerNext(n.Status) : []).Select(to => to switch
        {
            NominationStatus.Returned => new ReviewPress.OnNomination(ReviewAction.Return, n.Id).Button("Trả lại"),
            NominationStatus.Awarded => new ReviewPress.OnNomination(ReviewAction.Decide, n.Id).Button("Đã khen"),
            NominationStatus.UnderReview => new ReviewPress.Move(n.Id, to).Button("Nhận thẩm định"),
            NominationStatus.Presented => new ReviewPress.Move(n.Id, to).Button("Trình khen"),
            _ => new ReviewPress.Move(n.Id, to).Button("Không khen"),
        }).ToList();
        if (next.Count > 0) buttons.Add(next);
        buttons.AddRange(n.Attachments.Take(5).Select((a, i) => (IReadOnlyList<Button>)[new ReviewPress.File(n.Id, i).Button($"Tệp: {Short(a.FileName)}")]));
        buttons.Add([OnPlan(QueueAction.Queue, c).Button("Về hàng đợi")]);
        return new Reply(string.Join('\n', lines)) { Buttons = buttons };
    }

    /// <summary>The last few steps of the audit trail, newest last.</summary>
    public static IEnumerable<string> HistoryLines(Nomination n)
    {
        if (n.History.Count == 0) yield break;
        yield return "Lịch sử:";
        foreach (var h in n.History.TakeLast(4))
            yield return $"– {LocalClock.InVietnam(h.At):d/M/yyyy HH:mm}: {StatusFlow.Name(h.From)} → {StatusFlow.Name(h.To)} ({h.ByName ?? h.ByKey}){(h.Note is null ? "" : $": {h.Note}")}";
    }

    private static string AwardName(Campaign c, Nomination n) => c.Awards.FirstOrDefault(a => a.Id == n.AwardId)?.Name ?? n.AwardId ?? "";

    private static string Short(string? s) => s is null ? "" : Text.TextFit.Shorten(s, 30);

    private static ReviewPress.OnPlan OnPlan(QueueAction action, Campaign campaign, Filter? filter = null) => new(action, campaign.Id, filter);

    private static ReviewPress.OnNomination Open(int nominationId) => new(ReviewAction.Open, nominationId);

    private static Reply Stale() => new("Thao tác này không còn dùng được. Gõ /duyet để mở lại hàng đợi.");
}
