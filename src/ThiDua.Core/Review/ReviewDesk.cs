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
    private const string NotReviewer = "Chức năng này dành cho cán bộ thẩm định (Ban Thi đua – Khen thưởng). Nếu bạn là cán bộ thẩm định, xin mã mời từ quản trị viên.";
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
        return new Reply("Thẩm định đề nghị của kế hoạch nào?") { Buttons = [.. campaigns.Select(c => (IReadOnlyList<Button>)[new Button(c.ShortName, $"v|q|{c.Id}")])] };
    }

    public Reply Press(KnowledgeBase kb, Actor actor, ChatState state, string data, List<PushedMessage> pushed)
    {
        if (!actor.IsReviewer) return access.Refuse(actor, data, NotReviewer);
        var parts = data.Split('|');
        if (parts.Length < 3) return Stale();
        if (parts[1] is "q" or "x" or "t" or "s" or "fu" or "fa")
        {
            if (kb.Find(parts[2]) is not { } campaign || !AccessPolicy.Covers(actor, campaign))
                return access.Refuse(actor, data, "Bạn không được phân công thẩm định kế hoạch này.");
            var filter = Filter.Parse(parts.Length > 3 ? parts[3] : null);
            return parts[1] switch
            {
                "q" => Queue(campaign, filter),
                "x" => _exports.Spreadsheet(campaign, Matching(campaign, filter), filter.Describe(campaign, db)),
                "t" => _exports.ToTrinh(campaign, Matching(campaign, Filter.Open).Where(n => n.Status is NominationStatus.UnderReview or NominationStatus.Presented).ToList()),
                "s" => ReviewExports.Summary(campaign, Matching(campaign, Filter.All)),
                "fu" => PickUnit(campaign),
                _ => PickAward(campaign),
            };
        }
        // A draft never submitted is its unit's own: to a reviewer it does not exist.
        if (!int.TryParse(parts[2], out var id) || db.Nominations.FindById(id) is not { } n || kb.Find(n.CampaignId ?? "") is not { } c || !AccessPolicy.Covers(actor, c)
            || !AccessPolicy.WasSubmitted(n))
            return access.Refuse(actor, data, "Không mở được đề nghị này (không có, chưa nộp, hoặc ngoài phạm vi thẩm định của bạn).");
        state.CurrentNominationId = n.Id;
        var conflict = access.ConflictOfInterest(actor, n);
        if (conflict is not null && parts[1] is "r" or "d" or "m")
            return access.Refuse(actor, data, $"Bạn không thẩm định, quyết định được đề nghị {n.Code}: {conflict}. Việc này do cán bộ thẩm định khác làm.");
        switch (parts[1])
        {
            case "o":
                return Details(kb, n, c, conflict);
            case "f" when parts.Length > 3 && int.TryParse(parts[3], out var index) && index >= 0 && index < n.Attachments.Count:
                return _exports.Attachment(n, n.Attachments[index]);
            case "r" when StatusFlow.ReviewerMay(n.Status, NominationStatus.Returned):
                state.AwaitingInput = $"return|{n.Id}";
                return new Reply($"Lý do trả lại đề nghị {n.Code}? (Người đề nghị sẽ nhận được lý do này.)");
            case "d" when StatusFlow.ReviewerMay(n.Status, NominationStatus.Awarded):
                state.AwaitingInput = $"decide|{n.Id}";
                return new Reply($"Số và ngày quyết định khen thưởng cho {n.Code}? Ví dụ: 1234/QĐ-UBND ngày 20/12/2024");
            case "m" when parts.Length > 3 && Enum.TryParse<NominationStatus>(parts[3], out var to) && to is not (NominationStatus.Returned or NominationStatus.Awarded)
                && StatusFlow.ReviewerMay(n.Status, to):
                return Move(kb, actor, n, c, to, null, pushed);
            default:
                return new Reply($"Đề nghị {n.Code} đang “{StatusFlow.Name(n.Status)}”: không làm được thao tác này.") { Buttons = [[new Button($"Mở {n.Code}", $"v|o|{n.Id}")]] };
        }
    }

    /// <summary>The reason for a return, or the decision number and date, typed after the button asked for it.</summary>
    public Reply? AnswerAwaited(KnowledgeBase kb, Actor actor, ChatState state, string text, List<PushedMessage> pushed)
    {
        if (state.AwaitingInput?.Split('|') is not [var what, var idText] || !int.TryParse(idText, out var id)) return null;
        state.AwaitingInput = null;
        if (db.Nominations.FindById(id) is not { } n || kb.Find(n.CampaignId ?? "") is not { } c || !AccessPolicy.Covers(actor, c)) return Stale();
        if (access.ConflictOfInterest(actor, n) is { } conflict)
            return access.Refuse(actor, what, $"Bạn không thẩm định, quyết định được đề nghị {n.Code}: {conflict}. Việc này do cán bộ thẩm định khác làm.");
        if (what == "return")
        {
            if (text.Trim().Length < 5) { state.AwaitingInput = $"return|{id}"; return new Reply("Lý do trả lại cần rõ hơn (ít nhất vài chữ). Bạn gõ lại nhé."); }
            return StatusFlow.ReviewerMay(n.Status, NominationStatus.Returned) ? Move(kb, actor, n, c, NominationStatus.Returned, text.Trim(), pushed) : Stale();
        }
        var m = DecisionPattern().Match(text);
        if (!m.Success || !DateOnly.TryParseExact($"{m.Groups["d"].Value}/{m.Groups["m"].Value}/{m.Groups["y"].Value}", "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            state.AwaitingInput = $"decide|{id}";
            return new Reply("Chưa đọc được số và ngày quyết định. Gõ theo mẫu: 1234/QĐ-UBND ngày 20/12/2024");
        }
        n.DecisionNumber = m.Groups["number"].Value;
        n.DecisionDate = date;
        return StatusFlow.ReviewerMay(n.Status, NominationStatus.Awarded) ? Move(kb, actor, n, c, NominationStatus.Awarded, $"Quyết định {n.DecisionNumber} ngày {Text.VietnameseDates.Format(date)}", pushed) : Stale();
    }

    private Reply Move(KnowledgeBase kb, Actor actor, Nomination n, Campaign c, NominationStatus to, string? note, List<PushedMessage> pushed)
    {
        var from = n.Status;
        if (StatusFlow.Change(n, to, actor, clock.TimeProvider.GetUtcNow().UtcDateTime, note) is { } notice) pushed.Add(notice);
        db.Nominations.Update(n);
        db.SyncToDisk();
        var reply = Details(kb, n, c);
        return reply with { Text = $"Đã chuyển {n.Code}: {StatusFlow.Name(from)} → {StatusFlow.Name(to)}.\n\n{reply.Text}" };
    }

    private Reply Queue(Campaign campaign, Filter filter)
    {
        var rows = Matching(campaign, filter);
        var lines = new List<string> { $"Thẩm định — {campaign.ShortName} ({KnowledgeBase.PlanName(campaign)}): {rows.Count} đề nghị ({filter.Describe(campaign, db)})." };
        lines.AddRange(QuotaLines(campaign));
        foreach (var n in rows.Take(MaxListed))
        {
            var missing = DossierChecklist.MissingCount(n, campaign);
            lines.Add($"• {n.Code} — {n.NomineeName} — {AwardName(campaign, n)} — {n.ProposingUnit} — {StatusFlow.Name(n.Status)}{(missing > 0 ? $" — thiếu {missing} hồ sơ" : "")}");
        }
        if (rows.Count > MaxListed) lines.Add($"… và {rows.Count - MaxListed} đề nghị nữa (xuất Excel để xem hết).");
        var f = filter.Token;
        var buttons = rows.Take(MaxListed).Select(n => (IReadOnlyList<Button>)[new Button($"Mở {n.Code} — {Short(n.NomineeName)}", $"v|o|{n.Id}")]).ToList();
        buttons.Add([new Button("Chờ thẩm định", $"v|q|{campaign.Id}|st:Submitted"), new Button("Đang thẩm định", $"v|q|{campaign.Id}|st:UnderReview"), new Button("Thiếu hồ sơ", $"v|q|{campaign.Id}|miss")]);
        buttons.Add([new Button("Theo đơn vị", $"v|fu|{campaign.Id}"), new Button("Theo hình thức", $"v|fa|{campaign.Id}"), new Button("Tất cả", $"v|q|{campaign.Id}|all")]);
        buttons.Add([new Button("Xuất Excel", $"v|x|{campaign.Id}|{f}"), new Button("Dự thảo tờ trình", $"v|t|{campaign.Id}"), new Button("Tổng hợp", $"v|s|{campaign.Id}")]);
        return new Reply(string.Join('\n', lines)) { Buttons = buttons };
    }

    private Reply PickUnit(Campaign campaign)
    {
        var units = Matching(campaign, Filter.All).GroupBy(n => n.UnitKey).Select(g => (Key: g.Key, Name: g.First().ProposingUnit ?? g.Key, Count: g.Count())).OrderBy(u => u.Name).Take(12).ToList();
        if (units.Count == 0) return new Reply("Chưa có đề nghị nào của đơn vị nào.");
        return new Reply("Lọc theo đơn vị đề nghị:") { Buttons = [.. units.Select(u => (IReadOnlyList<Button>)[new Button($"{u.Name} ({u.Count})", $"v|q|{campaign.Id}|u:{u.Key}")])] };
    }

    private static Reply PickAward(Campaign campaign) =>
        new("Lọc theo hình thức khen thưởng:") { Buttons = [.. campaign.Awards.Select(a => (IReadOnlyList<Button>)[new Button(a.Name, $"v|q|{campaign.Id}|aw:{a.Id}")])] };

    private List<Nomination> Matching(Campaign campaign, Filter filter)
    {
        var id = campaign.Id;
        return [.. db.Nominations.Find(n => n.CampaignId == id).Where(n => filter.Matches(n, campaign)).OrderBy(n => n.SubmittedAt ?? n.CreatedAt)];
    }

    private IEnumerable<string> QuotaLines(Campaign campaign)
    {
        var store = new NominationStore(db);
        foreach (var quota in campaign.Quotas.Where(q => q.Scope != QuotaScope.Unit).Take(3))
        {
            var used = store.CountTowards(quota, new NomineeDetails { CampaignId = campaign.Id, PhaseId = quota.PhaseId });
            yield return $"Số lượng {(quota.AwardId is { } a ? campaign.Awards.FirstOrDefault(x => x.Id == a)?.Name ?? a : "khen thưởng")}{(quota.PhaseId is null ? "" : $" ({quota.PhaseId})")}: {used}/{quota.Max}{(used > quota.Max ? " ⚠️ vượt" : "")}";
        }
        foreach (var quota in campaign.Quotas.Where(q => q.Scope == QuotaScope.Unit).Take(2))
        {
            var units = db.Nominations.Find(n => n.CampaignId == campaign.Id && n.Status != NominationStatus.Withdrawn)
                .GroupBy(n => n.ProposingUnit).Select(g => (Unit: g.Key, Used: store.CountTowards(quota, new NomineeDetails { CampaignId = campaign.Id, ProposingUnit = g.Key, PhaseId = quota.PhaseId })))
                .Where(u => u.Used > 0).ToList();
            if (units.Count > 0) yield return $"Mỗi đơn vị tối đa {quota.Max}: " + string.Join("; ", units.Select(u => $"{u.Unit} {u.Used}/{quota.Max}{(u.Used > quota.Max ? " ⚠️" : "")}"));
        }
    }

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
            NominationStatus.Returned => new Button("Trả lại", $"v|r|{n.Id}"),
            NominationStatus.Awarded => new Button("Đã khen", $"v|d|{n.Id}"),
            NominationStatus.UnderReview => new Button("Nhận thẩm định", $"v|m|{n.Id}|{to}"),
            NominationStatus.Presented => new Button("Trình khen", $"v|m|{n.Id}|{to}"),
            _ => new Button("Không khen", $"v|m|{n.Id}|{to}"),
        }).ToList();
        if (next.Count > 0) buttons.Add(next);
        buttons.AddRange(n.Attachments.Take(5).Select((a, i) => (IReadOnlyList<Button>)[new Button($"Tệp: {Short(a.FileName)}", $"v|f|{n.Id}|{i}")]));
        buttons.Add([new Button("Về hàng đợi", $"v|q|{c.Id}")]);
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

    private static Reply Stale() => new("Thao tác này không còn dùng được. Gõ /duyet để mở lại hàng đợi.");
}
