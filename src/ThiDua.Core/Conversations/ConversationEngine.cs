using Microsoft.Extensions.Logging;
using ThiDua.Core.Access;
using ThiDua.Core.Answers;
using ThiDua.Core.Failures;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Reminders;
using ThiDua.Core.Review;
using ThiDua.Core.Questions;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Conversations;

/// <summary>
/// The channel-neutral conversation core: a message in, replies out. Each chat's context lives in LiteDB.
/// An unexpected error apologises and resets that chat's context, so nobody is stuck in a loop.
/// </summary>
public sealed class ConversationEngine(
    KnowledgeProvider knowledge,
    BotDatabase db,
    LocalClock clock,
    ILogger<ConversationEngine> logger,
    ReminderOptions? reminderOptions = null,
    AccessOptions? accessOptions = null,
    FailureLog? failureLog = null,
    ImportOptions? importOptions = null,
    ImportQueue? importQueue = null) : IConversationCore
{
    /// <summary>Longer messages are not questions; they are refused politely rather than parsed.</summary>
    public const int MaxTextLength = 2000;

    private const string RegisterFirst = "Để đăng ký đề nghị khen thưởng, bạn cho biết họ tên và đơn vị (chỉ một lần).";

    private readonly AccessPolicy _access = new(db, accessOptions ?? new AccessOptions(), logger);
    private NominationFlow Nominations => new(db, clock, _access);
    private readonly FollowDesk _follows = new(db, clock.TimeProvider, reminderOptions ?? new ReminderOptions());
    private readonly PersonalReminders _personal = new(db, clock, reminderOptions ?? new ReminderOptions());
    // The desks hold no state of their own (it is all in LiteDB), so they are made where used, sharing the policy.
    private OfficerDesk Desk => new(db, clock, _access);
    private RegistrationDesk Onboarding => new(db, clock, _access, Membership);
    private IdentityLinks Links => new(db, clock, _access);
    private UnitMembership Membership => new(db, clock, _access);
    private InvitationDesk Invitations => new(db, clock, _access, Membership);
    private ReviewDesk Review => new(db, clock, _access);
    private HandoverDesk Handover => new(db, clock, _access);
    private ImportDesk Import => new(db, clock, knowledge, _access, importOptions, importQueue);
    private readonly FailureLog _failures = failureLog ?? new FailureLog(db, clock.TimeProvider);
    // A failed message run again goes through the whole engine, as if just sent.
    private FailureDesk Failures => new(_failures, _access, m => HandleAsync(m));

    /// <summary>One message being handled: who sent it, the chat's context, and notices for other chats.</summary>
    private sealed record Turn(IncomingMessage Message, ChatState State, Actor Actor, List<PushedMessage> Pushed);

    public async Task<ConversationResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken = default)
    {
        // What a person typed (a caption, their name) is stored and exported: never with control characters.
        message = message with { Text = message.Text is null ? null : Text.PrintableText.Of(message.Text), UserName = message.UserName is null ? null : Text.PrintableText.Of(message.UserName) };
        try
        {
            // In a group each member has their own context, form and awaited input.
            var state = db.ChatStates.Get(message.PersonKey);
            var turn = new Turn(message, state, _access.Who(message), []);
            IReadOnlyList<Reply> replies = message.File is { } file
                ? state.AwaitingInput == "import-file"
                    ? await Import.ReceiveAsync(turn.Actor, state, message, file, cancellationToken)
                    : [await Desk.ReceiveFileAsync(knowledge.Current, turn.Actor, state, message.Text, file, cancellationToken)]
                : SharedChatButtons.Untag(message.ButtonData ?? "", message) is ({ } data, false) && data.StartsWith("e|", StringComparison.Ordinal)
                    // Running a failed message again may call a channel: the one button that waits on I/O.
                    ? [await Failures.PressAsync(turn.Actor, message, data, turn.Pushed, cancellationToken)]
                    : Handle(turn);
            state.UpdatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime;
            db.ChatStates.Save(state);
            return new ConversationResult(SharedChatButtons.Tag(replies, message)) { Pushed = turn.Pushed };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Lỗi khi xử lý tin nhắn của {Conversation}", message.ConversationKey);
            TryReset(message.PersonKey);
            return new ConversationResult([Record(message, ex) is { } failure
                ? FailureDesk.Apology(failure)
                : new Reply("Xin lỗi, tôi gặp lỗi khi xử lý tin nhắn này. Bạn thử hỏi lại, hoặc gõ /help để xem hướng dẫn.")]);
        }
    }

    /// <summary>Keeps the failure (and sets aside the half-typed form it may have failed on); null if even that fails.</summary>
    private FailedMessage? Record(IncomingMessage message, Exception ex)
    {
        try
        {
            return _failures.RecordCore(message, ex);
        }
        catch (Exception recordError)
        {
            logger.LogError(recordError, "Không ghi lại được lỗi của {Conversation}", message.ConversationKey);
            return null;
        }
    }

    private List<Reply> Handle(Turn turn)
    {
        var (message, state, actor, _) = turn;
        var kb = knowledge.Current;
        var today = clock.Today;
        if (message.ButtonData is { } pressed)
        {
            var (data, ownedByOther) = SharedChatButtons.Untag(pressed, message);
            if (ownedByOther)
                return [_access.Refuse(actor, data, "Nút này thuộc tin trả lời cho người khác trong nhóm: chỉ người đó bấm được. Bạn gõ lệnh để có nút của riêng mình (đề nghị khen thưởng nên nhập trong chat riêng với bot).")];
            return PressButton(kb, turn with { Message = message with { ButtonData = data } }, data, today);
        }

        var text = message.Text?.Trim() ?? "";
        if (text.Length == 0) return [GeneralAnswers.Help(kb, today, "Bạn chưa nhập nội dung. Tôi có thể trả lời:")];
        if (text.Length > MaxTextLength)
            return [new Reply($"Tin nhắn dài quá ({text.Length:N0} ký tự). Bạn gửi câu hỏi ngắn hơn {MaxTextLength:N0} ký tự nhé.")];

        var context = state.CampaignId is { } id ? kb.Find(id) : null;
        if (Commands.TryParse(text, out var command, out var args))
        {
            // A command ends whatever typed input was awaited.
            state.AwaitingInput = null;
            switch (command)
            {
                case "start" when args == NominationFlow.DeepLinkPayload:
                    // t.me/<bot>?start=dangky, sent from a group to move form entry here.
                    return Gate(turn, "/dangky") ?? [Nominations.Start(kb, message, "", lastTalkedAbout: context)];
                case "start" when args.Length > 0:
                    return [Onboarding.ApplyInvitation(actor, args, owner => Links.Requested(owner, actor, message.UserName))];
                case "dangky":
                    return Gate(turn, text) ?? [Nominations.Start(kb, message, text, lastTalkedAbout: context)];
                case "huy":
                    return [Onboarding.Active(actor.Key) is not null ? Onboarding.Cancel(actor.Key) : Nominations.Cancel(message.PersonKey)];
                case "cuatoi":
                    return Gate(turn, text) ?? [Desk.List(kb, actor)];
                case "xuat":
                    // Reviewers export from their queue (by unit, status…); officers export their own.
                    return actor.IsReviewer ? [Review.Start(kb, actor)] : Gate(turn, text) ?? [Desk.ExportCommand(kb, actor, args)];
                case "duyet":
                    return [Review.Start(kb, actor)];
                case "moi":
                    return [Invitations.Invite(kb, actor, args)];
                case "donvi":
                    return [Membership.Pending(actor)];
                case "bangiao":
                    return [Handover.Start(kb, actor)];
                case "lienket":
                    return [args.Length == 0 ? Links.Code(actor) : Onboarding.ApplyInvitation(actor, args, owner => Links.Requested(owner, actor, message.UserName))];
                case "nhapkehoach":
                    return [Import.Start(actor, state)];
                case "xoadulieu":
                    return [Onboarding.ShowData(actor)];
                case "nhacviec":
                    return [_follows.Menu(kb, message)];
                case "nhacnho":
                    return [_personal.List(message)];
                case "loi":
                    return [Failures.List(actor)];
                default:
                    return [RunCommand(kb, command, args, message, state, today)];
            }
        }
        if (Onboarding.Active(actor.Key) is { } registration)
        {
            // The message that started registration once more (sent twice, or handled again after a crash before its
            // answer went out): the name is asked again, the message is not read as the name.
            if (!registration.AwaitingUnit && registration.PendingText is { } pending && pending == text)
                return [Onboarding.Begin(actor.Key, RegisterFirst, pending, registration.PendingButton)];
            var (reply, done) = Onboarding.Answer(actor.Key, registration, text, turn.Pushed);
            return done is null ? [reply] : [reply, .. Replay(turn, done)];
        }
        if (state.AwaitingInput?.StartsWith("import-edit|", StringComparison.Ordinal) == true) return [Import.Edit(actor, state, text)];
        if (state.AwaitingInput is not null && Review.AnswerAwaited(kb, actor, state, text, turn.Pushed) is { } awaited) return [awaited];
        var form = Nominations.ActiveForm(message.PersonKey);
        if (form is not null && NominationFlow.IsResumeRequest(text)) return [Nominations.Current(kb, form)];
        if (NominationFlow.IsStartRequest(kb, text)) return Gate(turn, text) ?? [Nominations.Start(kb, message, text, lastTalkedAbout: context)];
        if (PersonalReminders.IsRequest(text)) return [_personal.Create(kb, message, text, context)];
        if (form is not null && !form.Paused && !LooksLikeQuestion(kb, text))
            return [Nominations.Answer(kb, form, text)];
        // While registering, the plan being registered for is what short questions are about.
        if (form?.CampaignId is { } formCampaign) state.CampaignId ??= formCampaign;
        var answer = QuestionAnswerer.Answer(kb, text, state, today);
        if (form is not null && !form.Paused)
        {
            // A question mid-form is answered; the form waits for "tiếp tục".
            Nominations.Pause(form);
            answer = answer with { Text = answer.Text + "\n\n(Bạn đang đăng ký dở một đề nghị: gõ “tiếp tục” để quay lại.)" };
        }
        return [answer];
    }

    /// <summary>Nominations need to know who and which unit: unregistered people are asked first, then their request is replayed.</summary>
    private List<Reply>? Gate(Turn turn, string? text = null, string? button = null) =>
        turn.Actor.IsRegistered ? null : [Onboarding.Begin(turn.Actor.Key, RegisterFirst, text, button)];

    private List<Reply> Replay(Turn turn, Registration done)
    {
        if (done.PendingText is null && done.PendingButton is null) return [];
        var again = turn.Message with { Text = done.PendingText, ButtonData = done.PendingButton };
        return Handle(turn with { Message = again, Actor = _access.Who(again) });
    }

    private Reply RunCommand(KnowledgeBase kb, string command, string args, IncomingMessage message, ChatState state, DateOnly today)
    {
        if (command == "start") return GeneralAnswers.Welcome(kb, today, message.UserName);
        if (Commands.HelpCommands.Contains(command)) return GeneralAnswers.Help(kb, today);
        if (Commands.Questions.TryGetValue(command, out var kind))
        {
            if (kind == QuestionKind.ListCampaigns && args.Length == 0) return GeneralAnswers.ListCampaigns(kb, today);
            return QuestionAnswerer.Answer(kb, args, state, today, kind);
        }
        logger.LogInformation("Lệnh không có: {Command}", command);
        return new Reply($"Không có lệnh /{Shorten(command)}. Gõ /help để xem các lệnh.")
        {
            Buttons = [[ButtonData.Command("Hướng dẫn", "help"), ButtonData.Ask("Danh sách kế hoạch", QuestionKind.ListCampaigns, null)]],
        };
    }

    private List<Reply> PressButton(KnowledgeBase kb, Turn turn, string data, DateOnly today)
    {
        var (message, state, actor, pushed) = turn;
        if (ButtonData.TryParseAsk(data, out var kind, out var campaignId, out var phase, out var beneficiary, out var skip))
        {
            if (kind == QuestionKind.ListCampaigns) return [GeneralAnswers.ListCampaigns(kb, today, skip)];
            if (campaignId is null && kind == QuestionKind.NextDeadlines) return [GeneralAnswers.NextDeadlinesEverywhere(kb, today)];
            if (campaignId is not null && kb.Find(campaignId) is { } campaign)
            {
                // A pick after "which plan?" answers the question as it was asked (its details, the body it named).
                var asked = state.PendingKind == kind.Code() && state.PendingText is { } pending ? QuestionAnswerer.ParserFor(kb).Parse(pending) : null;
                return [QuestionAnswerer.AnswerAbout(kb, campaign, kind, state, today, phase ?? asked?.PhaseNumber, beneficiary ?? asked?.Beneficiary, asked, skip)];
            }
        }
        if (data == "cmd|help") return [GeneralAnswers.Help(kb, today)];
        // "Hồ sơ còn thiếu" under a reminder, pressed by someone who never registered: they have no nominations, and a
        // reminder's button is no place to start a registration they did not ask for.
        if (data == "cmd|cuatoi" && !actor.IsRegistered)
            return [new Reply("Bạn chưa có đề nghị khen thưởng nào. Muốn đăng ký đề nghị, gõ /dangky (tôi sẽ hỏi đơn vị của bạn trước).")];
        if (data == "cmd|cuatoi") return [Desk.List(kb, actor)];
        if (data.StartsWith("f|start", StringComparison.Ordinal) || data == "f|new") return Gate(turn, button: data) ?? [Nominations.Press(kb, message, data)];
        if (data.StartsWith("f|", StringComparison.Ordinal)) return [Nominations.Press(kb, message, data)];
        if (data.StartsWith("n|", StringComparison.Ordinal)) return [Desk.Press(kb, message, actor, state, data)];
        if (data.StartsWith("v|", StringComparison.Ordinal)) return [Review.Press(kb, actor, state, data, pushed)];
        if (data.StartsWith("h|", StringComparison.Ordinal)) return [Handover.Press(kb, actor, data, pushed)];
        if (data.StartsWith("i|", StringComparison.Ordinal)) return [Invitations.Press(kb, actor, data, pushed)];
        if (data.StartsWith("u|", StringComparison.Ordinal)) return [Membership.Press(actor, data, pushed)];
        if (data.StartsWith("l|", StringComparison.Ordinal)) return [Links.Press(actor, data, pushed)];
        if (data.StartsWith("k|", StringComparison.Ordinal)) return [Import.Press(kb, actor, state, data)];
        if (data.StartsWith("g|", StringComparison.Ordinal)) return PressRegistration(turn, data);
        if (data.StartsWith("r|", StringComparison.Ordinal)) return [_follows.Press(kb, message, data, today)];
        // Removing a personal reminder redraws the message it was pressed on, where the channel can.
        if (data.StartsWith("x|", StringComparison.Ordinal)) return [_personal.Press(message, data) with { ReplacesPressedMessage = data.StartsWith("x|del", StringComparison.Ordinal) }];
        logger.LogInformation("Nút không hợp lệ hoặc đã cũ ({Length} byte)", data.Length);
        return [GeneralAnswers.Help(kb, today, "Nút này không còn dùng được (có thể kế hoạch đã thay đổi). Bạn chọn lại nhé:")];
    }

    private List<Reply> PressRegistration(Turn turn, string data)
    {
        var actor = turn.Actor;
        switch (data.Split('|'))
        {
            case [_, "unit", var unit]:
                var (reply, done) = Onboarding.PickUnit(actor.Key, unit, turn.Pushed);
                return done is null ? [reply] : [reply, .. Replay(turn, done)];
            case [_, "cancel"]:
                return [Onboarding.Cancel(actor.Key)];
            case [_, "erase"]:
                return [Onboarding.Erase(actor, turn.Message)];
            default:
                return [new Reply("Đã giữ nguyên dữ liệu của bạn.")];
        }
    }

    /// <summary>Mid-form, a question is answered rather than taken as the field's value: a "?" or question words on a known topic.</summary>
    private static bool LooksLikeQuestion(KnowledgeBase kb, string text)
    {
        if (text.EndsWith('?')) return true;
        var q = QuestionAnswerer.ParserFor(kb).Parse(text);
        var asks = q.Words.Any(w => w is "gi" or "nao" or "sao" or "dau" or "ai" or "khong" or "chua") || q.Words.Contains("bao");
        return asks && q.KindScore >= 2;
    }

    private void TryReset(string key)
    {
        try { db.ChatStates.Delete(key); }
        catch (Exception ex) { logger.LogError(ex, "Không xóa được ngữ cảnh của {Conversation}", key); }
    }

    private static string Shorten(string command) => command.Length <= 32 ? command : command[..32] + "…";
}
