using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Review;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Nominations;

/// <summary>
/// An officer's own nominations: /cuatoi lists them with what each still lacks; open, edit (drafts and returned
/// ones), withdraw, submit (then read-only until a reviewer returns it), attach dossier files, export the trích
/// ngang spreadsheet; the unit's other nominations read-only. Buttons "n|open|12"… are checked against the access
/// rules, so forged data reaches nothing the officer may not see.
/// </summary>
public sealed class OfficerDesk(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    private const int MaxListed = 8;

    public Reply List(KnowledgeBase kb, Actor actor)
    {
        var mine = Current(actor).OrderByDescending(n => n.Id).ToList();
        var unitButton = actor.MemberUnitKey is null ? null : OfficerPress.Unit.Button("Đề nghị của đơn vị");
        if (mine.Count == 0)
            return new Reply("Bạn chưa có đề nghị khen thưởng nào. Gõ /dangky để đăng ký.")
            {
                Buttons = unitButton is null ? [[NominationFlow.Btn("Đăng ký đề nghị", FormAction.New)]] : [[NominationFlow.Btn("Đăng ký đề nghị", FormAction.New), unitButton]],
            };
        var lines = new List<string> { $"Đề nghị của bạn ({mine.Count}):" };
        lines.AddRange(mine.Take(MaxListed).Select(n => Line(kb, n)));
        if (mine.Count > MaxListed) lines.Add($"… và {mine.Count - MaxListed} đề nghị cũ hơn.");
        var buttons = mine.Take(MaxListed).Select(n => (IReadOnlyList<Button>)[Btn($"Mở {n.Code}", NominationAction.Open, n.Id)]).ToList();
        buttons.Add(unitButton is null ? [new OfficerPress.Export().Button("Xuất danh sách trích ngang")] : [new OfficerPress.Export().Button("Xuất danh sách trích ngang"), unitButton]);
        return new Reply(string.Join('\n', lines)) { Buttons = buttons };
    }

    public Reply Press(KnowledgeBase kb, IncomingMessage message, Actor actor, ChatState state, OfficerPress? press)
    {
        // The plan of the export is the one pressed, or asked: never the plan last talked about.
        if (press is OfficerPress.Export export) return Export(kb, actor, export.CampaignId, withDrafts: export.WithDrafts);
        if (press is OfficerPress.UnitList) return UnitList(kb, actor);
        var data = press?.Data ?? "nút đề nghị không đọc được";
        var id = press switch { OfficerPress.Act on => on.NominationId, OfficerPress.AttachAs attach => attach.NominationId, _ => (int?)null };
        if (id is null || db.Nominations.FindById(id.Value) is not { } n || !AccessPolicy.CanRead(actor, n, kb))
            return access.Refuse(actor, data, "Không mở được đề nghị này (không có, hoặc không thuộc bạn hay đơn vị của bạn).");
        var campaign = kb.Find(n.CampaignId ?? "");
        if (press is OfficerPress.Act { Action: NominationAction.Open }) return Details(kb, n, AccessPolicy.Owns(actor, n));
        if (!AccessPolicy.Owns(actor, n))
            return access.Refuse(actor, data, $"Đề nghị {n.Code} của cán bộ khác trong đơn vị: bạn chỉ xem được, không sửa hay nộp được.");
        state.CurrentNominationId = n.Id;
        var now = clock.TimeProvider.GetUtcNow().UtcDateTime;
        switch (press)
        {
            case OfficerPress.Act { Action: NominationAction.Submit or NominationAction.SubmitOk } when StatusFlow.OfficerMayEdit(n.Status) && SubmitRefusal(actor, n) is { } refusal:
                return access.Refuse(actor, data, refusal);
            case OfficerPress.Act { Action: NominationAction.Submit } when StatusFlow.OfficerMayEdit(n.Status):
                return ConfirmSubmit(n, campaign);
            case OfficerPress.Act { Action: NominationAction.SubmitOk } when StatusFlow.OfficerMayEdit(n.Status):
                var again = n.Status == NominationStatus.Returned;
                StatusFlow.Change(n, NominationStatus.Submitted, actor, now, again ? "nộp lại sau khi sửa" : null);
                db.Nominations.Update(n);
                db.SyncToDisk();
                var missing = campaign is null ? 0 : DossierChecklist.MissingCount(n, campaign);
                return new Reply($"📨 Đã {(again ? "nộp lại" : "nộp")} đề nghị {n.Code}{(campaign is null ? "" : $" cho {Receiver(campaign)}")}. Từ giờ bạn không sửa được nữa (trừ khi bị trả lại); rút lại được khi chưa ai bắt đầu thẩm định."
                    + (missing > 0 ? $"\n⚠️ Hồ sơ còn thiếu {missing} thành phần — gửi bổ sung cho nơi tiếp nhận." : ""))
                {
                    Buttons = [[Btn("Rút lại", NominationAction.Withdraw, n.Id)]],
                };
            case OfficerPress.Act { Action: NominationAction.Withdraw } when n.Status == NominationStatus.UnderReview:
                return new Reply($"Đề nghị {n.Code} đang được thẩm định: không rút lại được nữa. Bạn liên hệ cán bộ thẩm định nếu cần rút.");
            case OfficerPress.Act { Action: NominationAction.Withdraw } when StatusFlow.OfficerMayWithdraw(n.Status):
                StatusFlow.Change(n, NominationStatus.Withdrawn, actor, now);
                db.Nominations.Update(n);
                return new Reply($"Đã rút đề nghị {n.Code}. Nó không còn được tính vào số lượng khen thưởng.");
            case OfficerPress.Act { Action: NominationAction.Edit } when StatusFlow.OfficerMayEdit(n.Status):
                return EditForm(kb, message, n);
            case OfficerPress.Act { Action: NominationAction.Attach } when StatusFlow.OfficerMayWithdraw(n.Status) && campaign is not null:
                return new Reply($"Gửi tệp (ảnh hoặc tài liệu) cho đề nghị {n.Code}; ghi chú thích là tên thành phần, ví dụ “Tờ trình”.\n" + string.Join('\n', DossierChecklist.Lines(n, campaign)));
            case OfficerPress.AttachAs attach when campaign is not null && n.Status != NominationStatus.Withdrawn:
                return Attach(actor, n, campaign, attach.Component.In(DossierChecklist.For(n, campaign).Items, i => i.ComponentId)?.ComponentId ?? attach.Component.Written, attach.Upload);
            default:
                return new Reply($"Đề nghị {n.Code} đang ở trạng thái “{TrichNgangExport.StatusName(n.Status)}”: không làm được thao tác này.");
        }
    }

    /// <summary>Where a submitted nomination goes: the plan's dossier address, else its receiving or appraising body.</summary>
    private static string Receiver(Campaign c) =>
        c.Dossier?.SubmitTo ?? c.Bodies.FirstOrDefault(b => b.Role is BodyRole.Receiving or BodyRole.Appraising)?.Name ?? "cơ quan thẩm định của kế hoạch";

    /// <summary>Submitting is final: asked once, with where it goes and what the unit still has to send.</summary>
    private static Reply ConfirmSubmit(Nomination n, Campaign? c)
    {
        var lines = new List<string> { $"Nộp đề nghị {n.Code} ({n.NomineeName}){(c is null ? "" : $" cho {Receiver(c)}")}?" };
        if (c is not null && DossierChecklist.Missing(n, c) is { Count: > 0 } missing)
            lines.Add("Hồ sơ đơn vị bạn còn thiếu: " + string.Join("; ", missing.Select(i => i.Name)) + ".");
        lines.Add("Sau khi nộp, bạn không sửa được nữa (trừ khi bị trả lại); rút lại được khi chưa ai bắt đầu thẩm định.");
        return new Reply(string.Join('\n', lines)) { Buttons = [[Btn("Nộp", NominationAction.SubmitOk, n.Id), Btn("Chưa nộp", NominationAction.Open, n.Id)]] };
    }

    /// <summary>
    /// A nomination is submitted in the name of its unit: only by a confirmed member, and only for the unit they
    /// are a member of (older nominations typed for another unit are moved back by editing them).
    /// </summary>
    private static string? SubmitRefusal(Actor actor, Nomination n)
    {
        if (actor.Profile is { JoinPending: true, Unit: { } waiting })
            return $"Bạn chưa được xác nhận là cán bộ {waiting}, nên chưa nộp được đề nghị {n.Code} nhân danh đơn vị. Đề nghị vẫn được giữ; nộp được ngay khi cán bộ của đơn vị hoặc cán bộ thẩm định xác nhận bạn.";
        if (actor.MemberUnitKey is not { } unit) return "Bạn chưa đăng ký đơn vị. Gõ /dangky để đăng ký trước khi nộp.";
        if (n.UnitKey != unit)
            return $"Đề nghị {n.Code} ghi đơn vị đề nghị “{n.ProposingUnit}”, không phải đơn vị của bạn ({actor.Profile?.Unit}). Bấm Sửa rồi Xác nhận để đề nghị mang đúng đơn vị của bạn, rồi nộp.";
        return null;
    }

    /// <summary>The unit's nominations, read-only except one's own.</summary>
    private Reply UnitList(KnowledgeBase kb, Actor actor)
    {
        if (actor.Profile is { JoinPending: true, Unit: { } waiting })
            return access.Refuse(actor, OfficerPress.Unit.Data, $"Bạn chưa được xác nhận là cán bộ {waiting}: chỉ xem được đề nghị của chính mình (/cuatoi). Cán bộ của đơn vị hoặc cán bộ thẩm định sẽ xác nhận; có mã mời thì gõ /start <mã>.");
        if (actor.MemberUnitKey is not { } unit) return new Reply("Bạn chưa đăng ký đơn vị. Gõ /dangky để đăng ký.");
        var all = db.Nominations.Find(n => n.UnitKey == unit).Where(n => n.Status != NominationStatus.Withdrawn).OrderByDescending(n => n.Id).ToList();
        if (all.Count == 0) return new Reply($"{actor.Profile?.Unit} chưa có đề nghị nào.");
        var lines = new List<string> { $"Đề nghị của {actor.Profile?.Unit} ({all.Count}; của cán bộ khác chỉ xem):" };
        lines.AddRange(all.Take(MaxListed).Select(n => Line(kb, n) + (AccessPolicy.Owns(actor, n) ? "" : $" — {db.Officer(n.OwnerKey)?.Name ?? "cán bộ khác"}")));
        return new Reply(string.Join('\n', lines)) { Buttons = [.. all.Take(MaxListed).Select(n => (IReadOnlyList<Button>)[Btn($"Xem {n.Code}", NominationAction.Open, n.Id)])] };
    }

    private static string Line(KnowledgeBase kb, Nomination n)
    {
        var missing = kb.Find(n.CampaignId ?? "") is { } c ? DossierChecklist.MissingCount(n, c) : 0;
        return $"• {n.Code} — {n.NomineeName} — {TrichNgangExport.StatusName(n.Status)}{(missing > 0 ? $" — thiếu {missing} thành phần hồ sơ" : " — đủ hồ sơ")}";
    }

    /// <summary>A file sent in chat: attached to the nomination being worked on, as the component its caption names.</summary>
    public async Task<Reply> ReceiveFileAsync(KnowledgeBase kb, Actor actor, ChatState state, string? caption, IncomingFile file, CancellationToken ct)
    {
        var n = state.CurrentNominationId is { } id && db.Nominations.FindById(id) is { } current && AccessPolicy.Owns(actor, current) && current.Status != NominationStatus.Withdrawn
            ? current
            : Mine(actor).Where(x => StatusFlow.OfficerMayEdit(x.Status)).OrderByDescending(x => x.Id).FirstOrDefault();
        if (n is null || kb.Find(n.CampaignId ?? "") is not { } campaign)
            return new Reply("Chưa có đề nghị nào để đính kèm tệp. Gõ /dangky để đăng ký đề nghị trước, rồi gửi tệp hồ sơ.");
        var upload = Guid.NewGuid().ToString("N")[..8];
        if (await DossierFiles.ReceiveAsync(db, file, $"pending/{upload}", actor.Key, ct) is { } refusal)
            return access.Refuse(actor, "tệp hồ sơ", refusal);
        state.CurrentNominationId = n.Id;
        var items = DossierChecklist.For(n, campaign).Items;
        var named = ComponentNamed(items, caption);
        if (named is not null) return Attach(actor, n, campaign, named.ComponentId, upload);
        return new Reply($"Đã nhận tệp “{DossierFiles.NormaliseName(file.FileName)}” cho đề nghị {n.Code}. Tệp này là thành phần nào của hồ sơ?")
        {
            Buttons = [.. items.Select(i => (IReadOnlyList<Button>)[new OfficerPress.AttachAs(n.Id, KeyRef.To(i.ComponentId), upload).Button((i.Done ? "✅ " : "") + TextFit.Shorten(i.Name, 50))])],
        };
    }

    /// <summary>Gives a pending upload its place in the dossier; only the person who uploaded it can.</summary>
    private Reply Attach(Actor actor, Nomination n, Campaign campaign, string componentId, string upload)
    {
        var uploadedId = $"pending/{upload}";
        var item = DossierChecklist.For(n, campaign).Items.FirstOrDefault(i => i.ComponentId == componentId);
        if (item is null || db.Files.FindById(uploadedId) is not { } info) return new Reply("Tệp này không còn (có thể đã được gắn rồi). Bạn gửi lại tệp nhé.");
        if (DossierFiles.UploaderOf(info) is not { } uploader || !actor.Keys.Contains(uploader))
            return access.Refuse(actor, $"gắn tệp {upload}", "Tệp này không phải do bạn gửi: chỉ người gửi tệp mới gắn được vào hồ sơ. Bạn gửi tệp của mình nhé.");
        var finalId = $"{n.Code}/{componentId}/{upload}";
        DossierFiles.Move(db, info, finalId);
        n.Attachments.Add(new Attachment
        {
            Sha256 = DossierFiles.Sha256Of(info),
            ComponentId = componentId,
            FileId = finalId,
            FileName = info.Filename,
            ContentType = info.MimeType,
            Length = info.Length,
            UploadedAt = clock.TimeProvider.GetUtcNow().UtcDateTime,
        });
        n.UpdatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime;
        db.Nominations.Update(n);
        return new Reply($"✅ Đã gắn “{info.Filename}” vào “{item.Name}” của đề nghị {n.Code}.\n" + string.Join('\n', DossierChecklist.Lines(n, campaign)));
    }

    private static Reply Details(KnowledgeBase kb, Nomination n, bool owner)
    {
        var lines = new List<string> { $"Đề nghị {n.Code} — {TrichNgangExport.StatusName(n.Status)}{(owner ? "" : $" — {n.ProposingUnit} (chỉ xem)")}" };
        if (n.Status == NominationStatus.Returned && n.ReturnReason is { } reason) lines.Add($"↩️ Bị trả lại: {reason}");
        if (n.DecisionNumber is { } number) lines.Add($"🏅 Quyết định {number}{(n.DecisionDate is { } d ? $" ngày {VietnameseDates.Format(d)}" : "")}");
        lines.AddRange(FormFields.Describe(kb, n, brief: true).Select(x => "• " + x));
        if (kb.Find(n.CampaignId ?? "") is { } c) lines.AddRange(DossierChecklist.Lines(n, c));
        lines.AddRange(ReviewDesk.HistoryLines(n));
        var buttons = new List<IReadOnlyList<Button>>();
        if (!owner) return new Reply(string.Join('\n', lines));
        if (StatusFlow.OfficerMayEdit(n.Status)) buttons.Add([Btn(n.Status == NominationStatus.Returned ? "Nộp lại" : "Nộp", NominationAction.Submit, n.Id), Btn("Sửa", NominationAction.Edit, n.Id)]);
        if (StatusFlow.OfficerMayWithdraw(n.Status)) buttons.Add([Btn("Đính kèm tệp", NominationAction.Attach, n.Id), Btn("Rút đề nghị", NominationAction.Withdraw, n.Id)]);
        return new Reply(string.Join('\n', lines)) { Buttons = buttons };
    }

    /// <summary>Opens a saved draft as a form at its summary card; confirming updates it, keeping its code.</summary>
    private Reply EditForm(KnowledgeBase kb, IncomingMessage message, Nomination n)
    {
        var form = new NominationForm { Key = message.PersonKey, OwnerKey = n.OwnerKey, EditingNominationId = n.Id, UpdatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime };
        n.CopyTo(form);
        db.Forms.Upsert(form);
        return new NominationFlow(db, clock, access).Current(kb, form);
    }

    /// <summary>/xuat [kế hoạch] [nháp]: the plan named in the command, else the officer's only one, else a question.</summary>
    public Reply ExportCommand(KnowledgeBase kb, Actor actor, string args)
    {
        var words = kb.Glossary.Expand(args).ToList();
        var withDrafts = words.Remove("nhap");
        var named = string.Join(' ', words.Where(w => w is not ("ca" or "ke" or "kem" or "ban")));
        if (named.Length == 0) return Export(kb, actor, null, withDrafts);
        var mention = kb.Resolver.Resolve(kb.Glossary.Expand(named));
        if (mention.Candidates.Count == 1) return Export(kb, actor, mention.Candidates[0].Id, withDrafts);
        var mine = Current(actor).Select(n => n.CampaignId).Distinct().ToList();
        var offered = (mention.Candidates.Count > 1 ? mention.Candidates.Where(c => mine.Contains(c.Id)) : mine.Select(id => kb.Find(id ?? "")).OfType<Campaign>()).ToList();
        var lead = mention.Candidates.Count > 1 ? $"“{args.Trim()}” ứng với nhiều kế hoạch." : $"Tôi không tìm thấy kế hoạch “{args.Trim()}”.";
        if (offered.Count == 0) return new Reply($"{lead} Bạn chưa có đề nghị nào trong kế hoạch như vậy để xuất danh sách.");
        return new Reply($"{lead} Xuất danh sách trích ngang của kế hoạch nào?") { Buttons = ExportButtons(offered, withDrafts) };
    }

    private static List<IReadOnlyList<Button>> ExportButtons(IEnumerable<Campaign> plans, bool withDrafts) =>
        [.. plans.Select(c => (IReadOnlyList<Button>)[new OfficerPress.Export(c.Id, withDrafts).Button(c.ShortName)])];

    /// <summary>
    /// The officer's nominations of one plan as the office files them: submitted and after, drafts only when asked for
    /// ("/xuat … nháp"), since a list sent up is read as what was proposed.
    /// </summary>
    private Reply Export(KnowledgeBase kb, Actor actor, string? campaignId, bool withDrafts)
    {
        var mine = Current(actor).ToList();
        var campaigns = mine.Select(n => n.CampaignId).Distinct().ToList();
        campaignId ??= campaigns.Count == 1 ? campaigns[0] : null;
        if (campaignId is null || kb.Find(campaignId) is not { } campaign)
        {
            if (campaigns.Count == 0) return new Reply("Bạn chưa có đề nghị nào để xuất danh sách.");
            return new Reply("Xuất danh sách trích ngang của kế hoạch nào?") { Buttons = ExportButtons(campaigns.Select(id => kb.Find(id ?? "")).OfType<Campaign>(), withDrafts) };
        }
        var ofPlan = mine.Where(n => n.CampaignId == campaign.Id).OrderBy(n => n.Id).ToList();
        if (ofPlan.Count == 0) return new Reply($"Bạn chưa có đề nghị nào trong kế hoạch {campaign.ShortName}.");
        var rows = withDrafts ? ofPlan : [.. ofPlan.Where(n => n.Status != NominationStatus.Draft)];
        var drafts = ofPlan.Count(n => n.Status == NominationStatus.Draft);
        var draftButton = new OfficerPress.Export(campaign.Id, WithDrafts: true).Button($"Xuất cả {drafts} bản nháp");
        if (rows.Count == 0)
            return new Reply($"Các đề nghị của bạn trong kế hoạch {campaign.ShortName} đều còn là nháp ({drafts}), chưa nộp. Danh sách trích ngang chỉ gồm đề nghị đã nộp, trừ khi bạn chọn xuất cả nháp.")
            {
                Buttons = [[draftButton]],
            };
        var path = TrichNgangExport.Write(db.ExportFolder, campaign, rows, clock.Now.DateTime, includesDrafts: withDrafts && drafts > 0);
        var note = withDrafts || drafts == 0 ? "" : $"\nKhông gồm {drafts} bản nháp chưa nộp.";
        return new Reply($"Danh sách trích ngang {rows.Count} đề nghị — {campaign.ShortName} ({KnowledgeBase.PlanName(campaign)}).{note}")
        {
            File = new OutgoingFile(path, Path.GetFileName(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Buttons = withDrafts || drafts == 0 ? [] : [[draftButton]],
        };
    }

    /// <summary>The checklist item a caption names ("tờ trình", "bien ban", "BC thành tích"), when one clearly fits.</summary>
    private static ChecklistItem? ComponentNamed(IReadOnlyList<ChecklistItem> items, string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption)) return null;
        var said = VietnameseText.Words(caption).ToHashSet(StringComparer.Ordinal);
        var scored = items.Select(i => (Item: i, Score: i.ComponentId.Split('-').Count(said.Contains)))
            .Where(x => x.Score >= 2).OrderByDescending(x => x.Score).ThenBy(x => x.Item.Done).ToList();
        return scored.Count > 0 ? scored[0].Item : null;
    }

    /// <summary>The officer's nominations that still count: all but the withdrawn.</summary>
    private IEnumerable<Nomination> Current(Actor actor) => Mine(actor).Where(n => n.Status != NominationStatus.Withdrawn);

    private IEnumerable<Nomination> Mine(Actor actor) => actor.Keys.SelectMany(key => db.Nominations.Find(n => n.OwnerKey == key));

    private static Button Btn(string text, NominationAction action, int id) => new OfficerPress.Act(action, id).Button(text);

}
