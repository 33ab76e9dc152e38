using Microsoft.Extensions.Logging;
using ThiDua.Core.Answers;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Reminders;
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
    ReminderOptions? reminderOptions = null) : IConversationCore
{
    /// <summary>Longer messages are not questions; they are refused politely rather than parsed.</summary>
    public const int MaxTextLength = 2000;

    private readonly NominationFlow _nominations = new(db, clock);
    private readonly OfficerDesk _desk = new(db, clock);
    private readonly FollowDesk _follows = new(db, clock.TimeProvider, reminderOptions ?? new ReminderOptions());
    private readonly PersonalReminders _personal = new(db, clock, reminderOptions ?? new ReminderOptions());

    public async Task<ConversationResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken = default)
    {
        try
        {
            var state = db.ChatStates.Get(message.ConversationKey);
            var replies = message.File is { } file
                ? [await _desk.ReceiveFileAsync(knowledge.Current, message, state, file, cancellationToken)]
                : Handle(message, state);
            state.UpdatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime;
            db.ChatStates.Save(state);
            return new ConversationResult(replies);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Lỗi khi xử lý tin nhắn của {Conversation}", message.ConversationKey);
            TryReset(message.ConversationKey);
            return new ConversationResult([new Reply("Xin lỗi, tôi gặp lỗi khi xử lý tin nhắn này. Bạn thử hỏi lại, hoặc gõ /help để xem hướng dẫn.")]);
        }
    }

    private List<Reply> Handle(IncomingMessage message, ChatState state)
    {
        var kb = knowledge.Current;
        var today = clock.Today;
        if (message.ButtonData is { } data) return [PressButton(kb, message, data, state, today)];

        var text = message.Text?.Trim() ?? "";
        if (text.Length == 0) return [GeneralAnswers.Help(kb, today, "Bạn chưa nhập nội dung. Tôi có thể trả lời:")];
        if (text.Length > MaxTextLength)
            return [new Reply($"Tin nhắn dài quá ({text.Length:N0} ký tự). Bạn gửi câu hỏi ngắn hơn {MaxTextLength:N0} ký tự nhé.")];

        var context = state.CampaignId is { } id ? kb.Find(id) : null;
        if (Commands.TryParse(text, out var command, out var args))
        {
            if (command == "dangky") return [_nominations.Start(kb, message, text, context)];
            if (command == "huy") return [_nominations.Cancel(message.ConversationKey)];
            if (command == "cuatoi") return [_desk.List(kb, $"{message.Channel}:{message.UserId}")];
            if (command == "xuat") return [_desk.Press(kb, message, state, "n|export")];
            if (command == "nhacviec") return [_follows.Menu(kb, message)];
            if (command == "nhacnho") return [_personal.List(message)];
            return [RunCommand(kb, command, args, message, state, today)];
        }
        var form = _nominations.ActiveForm(message.ConversationKey);
        if (form is not null && NominationFlow.IsResumeRequest(text)) return [_nominations.Current(kb, form)];
        if (NominationFlow.IsStartRequest(kb, text)) return [_nominations.Start(kb, message, text, context)];
        if (PersonalReminders.IsRequest(text)) return [_personal.Create(kb, message, text, context)];
        if (form is not null && !form.Paused && !LooksLikeQuestion(kb, text))
            return [_nominations.Answer(kb, form, text)];
        // While registering, the plan being registered for is what short questions are about.
        if (form?.CampaignId is { } formCampaign) state.CampaignId ??= formCampaign;
        var answer = QuestionAnswerer.Answer(kb, text, state, today);
        if (form is not null && !form.Paused)
        {
            // A question mid-form is answered; the form waits for "tiếp tục".
            _nominations.Pause(form);
            answer = answer with { Text = answer.Text + "\n\n(Bạn đang đăng ký dở một đề nghị: gõ “tiếp tục” để quay lại.)" };
        }
        return [answer];
    }

    private Reply RunCommand(KnowledgeBase kb, string command, string args, IncomingMessage message, ChatState state, DateOnly today)
    {
        if (command == "start") return GeneralAnswers.Welcome(kb, today, message.UserName);
        if (Commands.HelpCommands.Contains(command)) return GeneralAnswers.Help(kb, today);
        if (Commands.Questions.TryGetValue(command, out var kind))
        {
            if (kind == QuestionKind.ListCampaigns) return GeneralAnswers.ListCampaigns(kb, today, QuestionAnswerer.ParserFor(kb).Parse(args).Words);
            return QuestionAnswerer.Answer(kb, args, state, today, kind);
        }
        logger.LogInformation("Lệnh không có: {Command}", command);
        return new Reply($"Không có lệnh /{Shorten(command)}. Gõ /help để xem các lệnh.")
        {
            Buttons = [[ButtonData.Command("Hướng dẫn", "help"), ButtonData.Ask("Danh sách kế hoạch", QuestionKind.ListCampaigns, null)]],
        };
    }

    private Reply PressButton(KnowledgeBase kb, IncomingMessage message, string data, ChatState state, DateOnly today)
    {
        if (ButtonData.TryParseAsk(data, out var kind, out var campaignId, out var phase, out var beneficiary))
        {
            if (kind == QuestionKind.ListCampaigns) return GeneralAnswers.ListCampaigns(kb, today, []);
            if (campaignId is null && kind == QuestionKind.NextDeadlines) return GeneralAnswers.NextDeadlinesEverywhere(kb, today);
            if (campaignId is not null && kb.Find(campaignId) is { } campaign)
            {
                // A pick after "which plan?" answers the question as it was asked (its details, the body it named).
                var asked = state.PendingKind == kind.Code() && state.PendingText is { } pending ? QuestionAnswerer.ParserFor(kb).Parse(pending) : null;
                return QuestionAnswerer.AnswerAbout(kb, campaign, kind, state, today, phase ?? asked?.PhaseNumber, beneficiary ?? asked?.Beneficiary, asked?.Quarter, asked?.Words);
            }
        }
        if (data == "cmd|help") return GeneralAnswers.Help(kb, today);
        if (data == "cmd|cuatoi") return _desk.List(kb, $"{message.Channel}:{message.UserId}");
        if (data.StartsWith("f|", StringComparison.Ordinal)) return _nominations.Press(kb, message, data);
        if (data.StartsWith("n|", StringComparison.Ordinal)) return _desk.Press(kb, message, state, data);
        if (data.StartsWith("r|", StringComparison.Ordinal)) return _follows.Press(kb, message, data, today);
        // Removing a personal reminder redraws the message it was pressed on, where the channel can.
        if (data.StartsWith("x|", StringComparison.Ordinal)) return _personal.Press(message, data) with { ReplacesPressedMessage = data.StartsWith("x|del", StringComparison.Ordinal) };
        logger.LogInformation("Nút không hợp lệ hoặc đã cũ ({Length} byte)", data.Length);
        return GeneralAnswers.Help(kb, today, "Nút này không còn dùng được (có thể kế hoạch đã thay đổi). Bạn chọn lại nhé:");
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
