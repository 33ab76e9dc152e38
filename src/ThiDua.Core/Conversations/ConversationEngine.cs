using Microsoft.Extensions.Logging;
using ThiDua.Core.Access;
using ThiDua.Core.Answers;
using ThiDua.Core.Failures;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Questions;
using ThiDua.Core.Reminders;
using ThiDua.Core.Review;
using ThiDua.Core.Storage;
using ThiDua.Core.Telemetry;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Conversations;

/// <summary>
/// The channel-neutral conversation core: a message in, replies out. Each chat's context lives in LiteDB.
/// Commands and buttons are looked up in the table the features register (<see cref="FeatureRoutes"/>); what is
/// left here is what crosses features: who is asking, a file, free text (registration, awaited input, the form,
/// a question), and an unexpected error, which apologises and resets that chat's context so nobody is stuck.
/// </summary>
public sealed class ConversationEngine : IConversationCore
{
    /// <summary>Longer messages are not questions; they are refused politely rather than parsed.</summary>
    public const int MaxTextLength = 2000;

    public const string StaleButton = "Nút này không còn dùng được (có thể kế hoạch đã thay đổi). Bạn chọn lại nhé:";

    /// <summary>Every feature of the bot, in the order commands several of them answer are tried ("/start", "/xuat").</summary>
    public static IReadOnlyList<IFeature> Features() =>
        [new ReviewFeature(), new NominationsFeature(), new AccessFeature(), new RemindersFeature(), new ImportFeature(), new FailuresFeature(), new QuestionsFeature()];

    private readonly KnowledgeProvider _knowledge;
    private readonly BotDatabase _db;
    private readonly LocalClock _clock;
    private readonly ILogger _logger;
    private readonly AccessPolicy _access;
    private readonly FailureLog _failures;
    private readonly FeatureContext _context;
    private readonly FeatureRoutes _routes;
    private readonly BotMetrics? _metrics;

    /// <param name="features">Features beyond <see cref="Features"/> (tried after them).</param>
    public ConversationEngine(
        KnowledgeProvider knowledge,
        BotDatabase db,
        LocalClock clock,
        ILogger<ConversationEngine> logger,
        ReminderOptions? reminderOptions = null,
        AccessOptions? accessOptions = null,
        FailureLog? failureLog = null,
        ImportOptions? importOptions = null,
        ImportQueue? importQueue = null,
        IEnumerable<IFeature>? features = null,
        BotMetrics? metrics = null)
    {
        (_knowledge, _db, _clock, _logger, _metrics) = (knowledge, db, clock, logger, metrics);
        _access = new AccessPolicy(db, accessOptions ?? new AccessOptions(), logger);
        _failures = failureLog ?? new FailureLog(db, clock.TimeProvider);
        _context = new FeatureContext(knowledge, db, clock, _access, logger, reminderOptions ?? new ReminderOptions(), _failures, importOptions, importQueue)
        {
            Handle = Handle,
            HandleAgain = m => HandleAsync(m),
        };
        _routes = FeatureRoutes.Of(_context, [.. Features(), .. features ?? []]);
    }

    public async Task<ConversationResult> HandleAsync(IncomingMessage message, CancellationToken cancellationToken = default)
    {
        // What a person typed (a caption, their name) is stored and exported: never with control characters.
        message = message with { Text = message.Text is null ? null : Text.PrintableText.Of(message.Text), UserName = message.UserName is null ? null : Text.PrintableText.Of(message.UserName) };
        var started = _clock.TimeProvider.GetTimestamp();
        // Every log line of this turn (access refusals, a failure) names the chat by its pseudonym, in the JSON logs' scope.
        using var scope = _logger.BeginScope(new ChatScope(_db.Pseudonyms.Of(message.ConversationKey), message.Channel));
        try
        {
            // In a group each member has their own context, form and awaited input.
            var state = _db.ChatStates.Get(message.PersonKey);
            var turn = new Turn(message, state, _access.Who(message), [], _knowledge.Current, _clock.Today);
            IReadOnlyList<Reply> replies = message.File is { } file
                ? Payload.Read<Import.PlanFileAwaited>(state.AwaitingInput ?? "") is not null
                    ? await _context.Import.ReceiveAsync(turn.Actor, state, message, file, cancellationToken)
                    : [await _context.Desk.ReceiveFileAsync(turn.Knowledge, turn.Actor, state, message.Text, file, cancellationToken)]
                : SharedChatButtons.Untag(message.ButtonData ?? "", message) is ({ } data, false) && _routes.SlowButtonFor(data) is { } slow
                    ? await slow(turn with { Message = message with { ButtonData = data } }, data, cancellationToken)
                    : Handle(turn);
            state.UpdatedAt = _clock.TimeProvider.GetUtcNow().UtcDateTime;
            _db.ChatStates.Save(state);
            Measure(message.Channel, started, replies);
            return new ConversationResult(SharedChatButtons.Tag(replies, message)) { Pushed = turn.Pushed };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Lỗi khi xử lý tin nhắn của {Conversation}", _db.Pseudonyms.Of(message.ConversationKey));
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
            _logger.LogError(recordError, "Không ghi lại được lỗi của {Conversation}", _db.Pseudonyms.Of(message.ConversationKey));
            return null;
        }
    }

    private List<Reply> Handle(Turn turn)
    {
        var (message, state, actor, _, kb, today) = turn;
        if (message.ButtonData is { } pressed)
        {
            var (data, ownedByOther) = SharedChatButtons.Untag(pressed, message);
            if (ownedByOther)
                return [_access.Refuse(actor, data, "Nút này thuộc tin trả lời cho người khác trong nhóm: chỉ người đó bấm được. Bạn gõ lệnh để có nút của riêng mình (đề nghị khen thưởng nên nhập trong chat riêng với bot).")];
            if (_routes.ButtonFor(data) is { } press) return press(turn with { Message = message with { ButtonData = data } }, data);
            _logger.LogInformation("Nút không hợp lệ hoặc đã cũ ({Length} byte)", data.Length);
            return [GeneralAnswers.Help(kb, today, StaleButton)];
        }

        var text = message.Text?.Trim() ?? "";
        if (text.Length == 0) return [GeneralAnswers.Help(kb, today, "Bạn chưa nhập nội dung. Tôi có thể trả lời:")];
        if (text.Length > MaxTextLength)
            return [new Reply($"Tin nhắn dài quá ({text.Length:N0} ký tự). Bạn gửi câu hỏi ngắn hơn {MaxTextLength:N0} ký tự nhé.")];

        if (Commands.TryParse(text, out var command, out var args))
        {
            // A command ends whatever typed input was awaited.
            state.AwaitingInput = null;
            return _routes.RunCommand(turn with { Message = message with { Text = text } }, command, args) ?? [UnknownCommand(kb, command)];
        }
        var onboarding = _context.Onboarding;
        if (onboarding.Active(actor.Key) is { } registration)
        {
            // The message that started registration once more (sent twice, or handled again after a crash before its
            // answer went out): the name is asked again, the message is not read as the name.
            if (!registration.AwaitingUnit && registration.PendingText is { } pending && pending == text
                && _context.Gate(turn, pending, registration.PendingButton) is { } askedAgain) return askedAgain;
            var (reply, done) = onboarding.Answer(actor.Key, registration, text, turn.Pushed);
            return done is null ? [reply] : [reply, .. _context.Replay(turn, done)];
        }
        if (_routes.AnswerAwaited(turn, text) is { } awaited) return awaited;
        var nominations = _context.Nominations;
        var form = nominations.ActiveForm(message.PersonKey);
        var context = state.CampaignId is { } id ? kb.Find(id) : null;
        if (form is not null && NominationFlow.IsResumeRequest(text)) return [nominations.Current(kb, form)];
        if (NominationFlow.IsStartRequest(kb, text)) return _context.Gate(turn, text) ?? [nominations.Start(kb, message, text, lastTalkedAbout: context)];
        if (PersonalReminders.IsRequest(text)) return [_context.PersonalReminders.Create(kb, message, text, context)];
        if (form is not null && !form.Paused && !LooksLikeQuestion(kb, text))
            return [nominations.Answer(kb, form, text)];
        // While registering, the plan being registered for is what short questions are about.
        if (form?.CampaignId is { } formCampaign) state.CampaignId ??= formCampaign;
        var answer = QuestionAnswerer.Answer(kb, text, state, today);
        if (form is not null && !form.Paused)
        {
            // A question mid-form is answered; the form waits for "tiếp tục".
            nominations.Pause(form);
            answer = answer with { Text = answer.Text + "\n\n(Bạn đang đăng ký dở một đề nghị: gõ “tiếp tục” để quay lại.)" };
        }
        return [answer];
    }

    private Reply UnknownCommand(KnowledgeBase kb, string command)
    {
        _logger.LogInformation("Lệnh không có: {Command}", command);
        return new Reply($"Không có lệnh /{TextFit.Shorten(command, 33)}. Gõ /help để xem các lệnh.")
        {
            Buttons = [[CommandPress.Help.Button("Hướng dẫn"), QuestionPress.Ask("Danh sách kế hoạch", QuestionKind.ListCampaigns, null)]],
        };
    }

    /// <summary>Mid-form, a question is answered rather than taken as the field's value: a "?" or question words on a known topic.</summary>
    private static bool LooksLikeQuestion(KnowledgeBase kb, string text)
    {
        if (text.EndsWith('?')) return true;
        var q = QuestionAnswerer.ParserFor(kb).Parse(text);
        var asks = q.Words.Any(w => w is "gi" or "nao" or "sao" or "dau" or "ai" or "khong" or "chua") || q.Words.Contains("bao");
        return asks && q.KindScore >= 2;
    }

    private void Measure(string channel, long started, IReadOnlyList<Reply> replies)
    {
        if (_metrics is null) return;
        _metrics.Handled(channel, _clock.TimeProvider.GetElapsedTime(started));
        foreach (var reply in replies)
            if (reply.Declined is { } reason) _metrics.Declined(channel, reason);
    }

    private void TryReset(string key)
    {
        try { _db.ChatStates.Delete(key); }
        catch (Exception ex) { _logger.LogError(ex, "Không xóa được ngữ cảnh của {Conversation}", _db.Pseudonyms.Of(key)); }
    }

}
