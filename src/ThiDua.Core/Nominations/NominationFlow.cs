using System.Text.RegularExpressions;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Nominations;

/// <summary>
/// Registering a nomination in chat: quick entry (one message, then only what is missing) or a guided form
/// (one question at a time, buttons for closed choices), a summary card, save with a code, the dossier checklist.
/// The form lives in LiteDB, so it survives a restart; a question mid-form pauses it until "tiếp tục".
/// </summary>
public sealed partial class NominationFlow(BotDatabase db, LocalClock clock, AccessPolicy access)
{
    private readonly NominationStore _store = new(db);

    [GeneratedRegex(@"^(dang ky (khen thuong|de nghi|khen)|de nghi (khen thuong|bang khen|giay khen|khen|danh hieu|co thi dua|chien si thi dua|tang))\b")]
    private static partial Regex StartPattern();

    [GeneratedRegex(@"^\s*sửa\s+(?<field>[^:]{2,30}?)\s*[:：]\s*(?<value>.+)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EditPattern();

    /// <summary>"đăng ký khen thưởng", "đề nghị BK CT tỉnh cho …" (abbreviations read through the glossary).</summary>
    public static bool IsStartRequest(KnowledgeBase kb, string text) => StartPattern().IsMatch(string.Join(' ', kb.Glossary.Expand(text)));

    /// <summary>The start payload of the private-chat link a group gets ("t.me/&lt;bot&gt;?start=dangky").</summary>
    public const string DeepLinkPayload = "dangky";

    public static bool IsResumeRequest(string text) => VietnameseText.Fold(text).Trim('.', '!') is "tiep tuc" or "tiep" or "quay lai";

    /// <param name="personKey">The person in the chat (<see cref="IncomingMessage.PersonKey"/>): forms are never shared.</param>
    public NominationForm? ActiveForm(string personKey) => db.FormOf(personKey);

    /// <summary>/dangky or "Đề nghị BK … cho …": starts a form, filled with whatever the message already says.</summary>
    /// <param name="chosen">The plan of the button pressed ("Đăng ký đề nghị" under a plan's answer): taken.</param>
    /// <param name="lastTalkedAbout">The chat's last plan: offered among the first, never assumed.</param>
    public Reply Start(KnowledgeBase kb, IncomingMessage message, string text, Campaign? chosen = null, Campaign? lastTalkedAbout = null)
    {
        if (ActiveForm(message.PersonKey) is { } existing)
            return new Reply("Bạn đang đăng ký dở một đề nghị:\n" + Summary(kb, existing, brief: true) + "\nTiếp tục đề nghị này hay làm lại từ đầu?")
            {
                Buttons = [[Btn("Tiếp tục", FormAction.Resume), Btn("Làm lại", FormAction.Restart)], [Btn("Hủy", FormAction.Cancel)]],
            };
        // A new form: Xác nhận on the last saved one's card no longer answers for it.
        db.SavedForms.Delete(message.PersonKey);
        var form = new NominationForm
        {
            Key = message.PersonKey,
            OwnerKey = $"{message.Channel}:{message.UserId}",
            // The proposing unit is the officer's own, from their registration, never what they type.
            ProposingUnit = AccessPolicy.ProfileOf(db, $"{message.Channel}:{message.UserId}")?.Unit,
        };
        var body = Regex.Replace(text, @"^/dangky(@\S+)?", "", RegexOptions.IgnoreCase).Trim();
        // Only a plan the message names is taken; the plan last talked about is offered, never assumed.
        var entry = QuickEntryParser.Parse(body, kb, contextCampaign: chosen);
        entry.ProposingUnit = form.ProposingUnit;
        entry.CopyTo(form);
        if (form.CampaignId is null) form.PreferredCampaigns = PreferredPlans(kb, form, entry.CampaignCandidates, lastTalkedAbout);
        var understood = Understood(kb, form);
        var notes = new List<string>();
        if (entry.UnknownAwardMention is { } unknown && kb.Find(form.CampaignId ?? "") is { } c)
            notes.Add(FormFields.AwardNotOffered(c, unknown));
        var next = Advance(kb, form);
        var intro = understood.Count > 0 ? "Tôi hiểu như sau:\n" + string.Join('\n', understood) : "Bắt đầu đăng ký đề nghị khen thưởng (gõ /huy để hủy bất cứ lúc nào).";
        if (message.InSharedChat) notes.Insert(0, InGroupNote(message));
        return Prefix(string.Join('\n', notes.Prepend(intro)), next);
    }

    /// <summary>The plans the officer has nominations in (latest first), then the ones the message named, their unit's area's, the chat's last.</summary>
    private List<string> PreferredPlans(KnowledgeBase kb, NominationForm form, IReadOnlyList<Campaign> named, Campaign? context)
    {
        var own = db.Nominations.Find(n => n.OwnerKey == form.OwnerKey).OrderByDescending(n => n.Id).Select(n => n.CampaignId);
        var area = form.ProposingUnit is { } unit && kb.Resolver.Resolve(kb.Glossary.Expand(unit)) is { IsNone: false } m ? m.Candidates.Select(c => c.Id) : [];
        return [.. own.Concat(named.Select(c => c.Id)).Concat(area).Append(context?.Id).OfType<string>().Where(id => kb.Find(id) is not null).Distinct()];
    }

    /// <summary>Free text while the form waits for a field (or an edit "sửa chức vụ: …").</summary>
    public Reply Answer(KnowledgeBase kb, NominationForm form, string text)
    {
        if (EditPattern().Match(text) is { Success: true } edit)
        {
            if (FieldNamed(edit.Groups["field"].Value) is not { } field)
                return Prefix("Tôi không rõ bạn muốn sửa mục nào. Ví dụ: “sửa chức vụ: Phó Chỉ huy trưởng”.", Current(kb, form));
            return SetAndAdvance(kb, form, field, edit.Groups["value"].Value);
        }
        if (form.Awaiting is not { } awaiting)
            return Prefix("Bạn bấm [Xác nhận] để lưu, [Sửa] để sửa một mục, hoặc gõ “sửa <mục>: <giá trị mới>”.", ShowSummary(kb, form));
        if (VietnameseText.Fold(text) is "bo qua" or "khong ro" or "khong" && IsSkippable(awaiting))
        {
            form.Skipped.Add(awaiting);
            return Save(form, Advance(kb, form));
        }
        return SetAndAdvance(kb, form, awaiting, text);
    }

    /// <summary>A press on the form (<see cref="FormPress"/>); null for data no form button writes.</summary>
    public Reply Press(KnowledgeBase kb, IncomingMessage message, FormPress? press)
    {
        var form = ActiveForm(message.PersonKey);
        var (action, value) = (press?.Action, press?.Value ?? "");
        if (action == FormAction.New) return Start(kb, message, "", null);
        if (action == FormAction.Start) return Start(kb, message, "", chosen: kb.Find(value));
        if (form is null)
            return action is FormAction.Ok or FormAction.OkDup && SavedAgain(kb, message.PersonKey) is { } saved
                ? saved
                : new Reply("Biểu mẫu này đã xong hoặc đã hủy. Gõ /dangky để đăng ký đề nghị mới.");
        form.Paused = false;
        switch (action)
        {
            case FormAction.Cancel:
                db.Forms.Delete(form.Key);
                return new Reply("Đã hủy đề nghị đang đăng ký. Không có gì được lưu.");
            case FormAction.Restart:
                db.Forms.Delete(form.Key);
                return Start(kb, message, "", null);
            case FormAction.Resume:
                return Current(kb, form);
            case FormAction.Skip when form.Awaiting is { } awaiting && IsSkippable(awaiting):
                form.Skipped.Add(awaiting);
                return Save(form, Advance(kb, form));
            case FormAction.Edit:
                form.Awaiting = null;
                return Save(form, EditMenu(kb, form));
            case FormAction.Field when Enum.TryParse<FormField>(value, out var field):
                form.Awaiting = field;
                form.Skipped.Remove(field);
                return Save(form, Ask(kb, form, field));
            case FormAction.Ok:
            case FormAction.OkDup:
                return Confirm(kb, form, allowDuplicate: action == FormAction.OkDup);
            case FormAction.Camp or FormAction.Phase or FormAction.Ben or FormAction.Award or FormAction.Gender when form.Awaiting is { } a:
                return SetAndAdvance(kb, form, a, value, byButton: true);
            default:
                return Prefix("Nút này không còn dùng được.", Current(kb, form));
        }
    }

    public Reply Cancel(string personKey)
    {
        var had = db.FormOf(personKey) is not null;
        db.Forms.Delete(personKey);
        return new Reply(had ? "Đã hủy đề nghị đang đăng ký. Không có gì được lưu." : "Không có đề nghị nào đang đăng ký.");
    }

    public Reply Current(KnowledgeBase kb, NominationForm form)
    {
        form.Paused = false;
        return Save(form, form.Awaiting is { } f ? Ask(kb, form, f) : ShowSummary(kb, form));
    }

    public void Pause(NominationForm form)
    {
        form.Paused = true;
        Save(form, null);
    }

    private Reply SetAndAdvance(KnowledgeBase kb, NominationForm form, FormField field, string value, bool byButton = false)
    {
        var error = FormFields.Set(kb, form, field, value, clock.Today, byButton);
        if (error is not null && field == FormField.ProposingUnit && form.ProposingUnit is not null)
            return Save(form, Prefix(access.Refuse(access.Who(form.OwnerKey), "sửa đơn vị đề nghị", error).Text, ShowSummary(kb, form)));
        if (error is not null) return Save(form, Prefix(error, Ask(kb, form, field)));
        // Typed words that are not the form's name itself: say which form was taken, so a wrong one is seen at once.
        if (field == FormField.Award && !byButton && kb.Find(form.CampaignId ?? "")?.Awards.FirstOrDefault(a => a.Id == form.AwardId) is { } taken
            && VietnameseText.Fold(value.Trim()) != VietnameseText.Fold(taken.Name))
            return Save(form, Prefix($"Hình thức đã chọn: {taken.Name} (gõ “sửa hình thức: …” để đổi).", Advance(kb, form)));
        return Save(form, Advance(kb, form));
    }

    /// <summary>Asks the next missing field, or shows the summary card when nothing is missing.</summary>
    private Reply Advance(KnowledgeBase kb, NominationForm form)
    {
        var campaign = kb.Find(form.CampaignId ?? "");
        var next = FormFields.NextMissing(form, campaign);
        form.Awaiting = next;
        return Save(form, next is { } field ? Ask(kb, form, field) : ShowSummary(kb, form));
    }

    private Reply Confirm(KnowledgeBase kb, NominationForm form, bool allowDuplicate)
    {
        var campaign = kb.Find(form.CampaignId ?? "");
        if (campaign is null || FormFields.NextMissing(form, campaign) is not null) return Advance(kb, form);
        if (!allowDuplicate && _store.FindDuplicate(form, form.EditingNominationId) is { } duplicate)
            return new Reply($"Đề nghị này trùng với {duplicate.Code} (cùng người/tập thể, kế hoạch, đợt, hình thức, đơn vị đề nghị). Vẫn lưu thêm một đề nghị?")
            {
                Buttons = [[Btn("Vẫn lưu", FormAction.OkDup), Btn("Sửa", FormAction.Edit)], [Btn("Hủy", FormAction.Cancel)]],
            };
        if (form.EditingNominationId is { } editingId)
        {
            var updated = _store.Update(form, editingId, clock.TimeProvider.GetUtcNow().UtcDateTime);
            return updated is null ? new Reply("Đề nghị này đã được nộp hoặc rút, không sửa được nữa.") : Updated(updated, campaign);
        }
        return Saved(_store.Save(form, campaign, clock.TimeProvider.GetUtcNow().UtcDateTime), campaign);
    }

    /// <summary>The confirmation of the form this person saved last, while its nomination is still the draft it made; else null.</summary>
    private Reply? SavedAgain(KnowledgeBase kb, string personKey)
    {
        if (db.SavedForms.FindById(personKey) is not { } last || db.Nominations.FindById(last.NominationId) is not { Status: NominationStatus.Draft } saved
            || kb.Find(saved.CampaignId ?? "") is not { } campaign) return null;
        return last.Edited ? Updated(saved, campaign) : Saved(saved, campaign);
    }

    private static Reply Updated(Nomination updated, Campaign campaign) =>
        new($"✅ Đã cập nhật đề nghị {updated.Code}.\n" + string.Join('\n', DossierChecklist.Lines(updated, campaign)));

    private static Reply Saved(Nomination saved, Campaign campaign)
    {
        var lines = new List<string> { $"✅ Đã lưu đề nghị {saved.Code} (trạng thái: nháp) cho {saved.NomineeName}." };
        lines.AddRange(DossierChecklist.Lines(saved, campaign));
        lines.Add("Gửi tệp hồ sơ (ảnh hoặc tài liệu) với chú thích là tên thành phần (ví dụ “Tờ trình”) để đánh dấu ✅.");
        return new Reply(string.Join('\n', lines))
        {
            Buttons =
            [
                [Btn("Đăng ký đề nghị khác", FormAction.New), CommandPress.OwnNominations.Button("Đề nghị của tôi")],
                [QuestionPress.Ask("Hạn nộp", Questions.QuestionKind.Deadlines, campaign), new Reminders.FollowPress.Follow(campaign.Id).Button("Nhắc hạn kế hoạch này")],
            ],
        };
    }

    private static Reply Ask(KnowledgeBase kb, NominationForm form, FormField field)
    {
        var campaign = kb.Find(form.CampaignId ?? "");
        var (question, buttons) = FormFields.Question(kb, form, campaign, field);
        var rows = buttons.Select(b => (IReadOnlyList<Button>)[b]).ToList();
        if (IsSkippable(field)) rows.Add([Btn("Bỏ qua", FormAction.Skip)]);
        return new Reply(question) { Buttons = rows };
    }

    private Reply ShowSummary(KnowledgeBase kb, NominationForm form)
    {
        var text = "Tóm tắt đề nghị khen thưởng:\n" + Summary(kb, form, brief: false);
        var warnings = FormFields.Warnings(kb, form, _store, clock.Today);
        if (warnings.Count > 0) text += "\n" + string.Join('\n', warnings.Select(w => "⚠️ " + w));
        return new Reply(text) { Buttons = [[Btn("Xác nhận", FormAction.Ok), Btn("Sửa", FormAction.Edit), Btn("Hủy", FormAction.Cancel)]] };
    }

    private static Reply EditMenu(KnowledgeBase kb, NominationForm form)
    {
        var campaign = kb.Find(form.CampaignId ?? "");
        // The proposing unit comes from the registration: not a field to edit.
        var fields = FormFields.Applicable(form, campaign).Where(f => f != FormField.ProposingUnit || form.ProposingUnit is null);
        return new Reply("Chọn mục cần sửa (hoặc gõ “sửa <mục>: <giá trị mới>”):")
        {
            Buttons = [.. fields.Select(f => Btn(FormFields.Label(f, form.Beneficiary), FormAction.Field, f.ToString())).Chunk(2).Select(r => (IReadOnlyList<Button>)r)],
        };
    }

    private static string Summary(KnowledgeBase kb, NominationForm form, bool brief) =>
        string.Join('\n', FormFields.Describe(kb, form, brief).Select(x => "• " + x));

    private static List<string> Understood(KnowledgeBase kb, NominationForm form) =>
        [.. FormFields.Describe(kb, form, brief: false, onlyFilled: true).Select(x => "• " + x)];

    /// <summary>Group members read everything typed there: birth years and achievements belong in a private chat.</summary>
    public static string InGroupNote(IncomingMessage message) =>
        "🔒 Bạn đang nhập trong nhóm: mọi thành viên đọc được thông tin người được đề nghị (năm sinh, thành tích). "
        + (message.PrivateChatLink is { } link ? $"Nên nhập trong chat riêng với bot: {link}" : "Nên nhắn riêng cho bot để nhập đề nghị.")
        + " Biểu mẫu này chỉ của bạn: người khác trong nhóm không sửa hay bấm nút của nó được.";

    private static bool IsSkippable(FormField field) => field is FormField.Gender or FormField.BirthYear;

    private static FormField? FieldNamed(string words) => VietnameseText.Fold(words) switch
    {
        "ho ten" or "ten" or "ho va ten" or "ten tap the" => FormField.NomineeName,
        "chuc vu" or "chuc danh" => FormField.Position,
        "don vi" or "don vi cong tac" or "noi cong tac" => FormField.NomineeUnit,
        "don vi de nghi" => FormField.ProposingUnit,
        "thanh tich" or "tom tat thanh tich" => FormField.Achievement,
        "nam sinh" => FormField.BirthYear,
        "gioi tinh" => FormField.Gender,
        "dot" => FormField.Phase,
        "hinh thuc" or "hinh thuc khen" => FormField.Award,
        "doi tuong" => FormField.Beneficiary,
        "ke hoach" => FormField.Campaign,
        _ => null,
    };

    private Reply Save(NominationForm form, Reply? reply)
    {
        form.UpdatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime;
        db.Forms.Upsert(form);
        return reply!;
    }

    private static Reply Prefix(string text, Reply reply) => reply with { Text = text + "\n\n" + reply.Text };

    internal static Button Btn(string text, FormAction action, string? value = null) => new FormPress(action, value).Button(text);
}
