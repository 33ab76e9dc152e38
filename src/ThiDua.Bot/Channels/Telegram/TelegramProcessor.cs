using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using ThiDua.Core.Conversations;
using ThiDua.Core.Failures;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// Handles a batch of received updates: one chat's in order, different chats at the same time, in slices whose
/// replies are committed together with the caller's bookkeeping (the polling offset, or the inbox's marks). Each
/// reply's outbox key is made of the update id, so a batch handled again after a crash never doubles a reply.
/// </summary>
public sealed class TelegramProcessor(
    TelegramUpdateReader reader,
    TelegramChats chats,
    TelegramConnection connection,
    IConversationCore core,
    OutboxDispatcher outbox,
    TimeProvider time,
    FailureLog failures,
    BotDatabase db,
    ILogger<TelegramProcessor> logger)
{
    /// <summary>Updates per commit: one LiteDB commit costs about a millisecond on disk, a reply far less.</summary>
    private const int SliceSize = 100;

    /// <param name="commit">Saves one slice's replies with the caller's bookkeeping, in one transaction.</param>
    public async Task HandleAsync(IReadOnlyList<ReceivedUpdate> updates, Action<IReadOnlyCollection<HandledUpdate>> commit, CancellationToken cancellationToken)
    {
        foreach (var slice in updates.Chunk(SliceSize))
        {
            var handled = new ConcurrentQueue<HandledUpdate>();
            await Parallel.ForEachAsync(slice.GroupBy(u => u.ChatKey), new ParallelOptions { MaxDegreeOfParallelism = connection.Options.MaxConcurrentChats, CancellationToken = cancellationToken },
                async (chat, ct) =>
                {
                    foreach (var update in chat) handled.Enqueue(new HandledUpdate(update, await HandleOneAsync(update, ct)));
                });
            commit([.. handled.OrderBy(h => h.Update.Id)]);
            outbox.Notify();
        }
    }

    /// <summary>The replies to enqueue. An update the adapter itself fails on is logged and skipped: trying it again would fail again.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> HandleOneAsync(ReceivedUpdate received, CancellationToken cancellationToken)
    {
        try
        {
            var input = Read(received);
            return input is null ? [] : await RespondAsync(received, input, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The whole exception, stack included, so the fault can be found; the token (which a request URL carries) never.
            var error = Redacted(ex);
            logger.LogError("Bỏ qua cập nhật Telegram #{Id}: {Error}", received.Id, error);
            Keep(received, error);
            return [];
        }
    }

    /// <summary>Keeps the update with its error for /loi; a database that cannot even do that is logged, not thrown.</summary>
    private void Keep(ReceivedUpdate received, string error)
    {
        try
        {
            failures.RecordAdapter(TelegramUpdateReader.Channel, received.ChatKey, received.Json, error);
        }
        catch (Exception ex)
        {
            logger.LogError("Không ghi lại được cập nhật Telegram #{Id} bị lỗi: {Error}", received.Id, Redacted(ex));
        }
    }

    /// <summary>Handles a kept update again (an administrator's /loi); its replies keep the update's outbox keys, so none is sent twice.</summary>
    public async Task<string> ReplayAsync(string json, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return "cập nhật đã lưu không phải JSON đọc được (có thể bị cắt vì quá dài), không chạy lại được";
        }
        using var _ = document;
        if (!document.RootElement.TryGetProperty("update_id", out var idValue) || !idValue.TryGetInt64(out var id))
            return "cập nhật không có update_id, không chạy lại được";
        var received = ReceivedUpdate.From(id, document.RootElement, time.GetUtcNow().UtcDateTime);
        await HandleAsync([received], h => OutboxWriter.EnqueueOnce(db, h.SelectMany(u => u.Replies)), cancellationToken);
        return "đã xử lý lại cập nhật Telegram #" + id.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>An exception as text (type, message, stack) with the bot token blanked out.</summary>
    public string Redacted(Exception ex) =>
        string.IsNullOrEmpty(connection.Options.Token) ? ex.ToString() : ex.ToString().Replace(connection.Options.Token, "<token>", StringComparison.Ordinal);

    private TelegramInput? Read(ReceivedUpdate received)
    {
        try
        {
            var update = JsonSerializer.Deserialize<Update>(received.Json, JsonBotAPI.Options);
            return update is null ? null : reader.Read(update);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            var error = Redacted(ex);
            logger.LogWarning("Bỏ qua cập nhật Telegram #{Id} không đọc được: {Error}", received.Id, error);
            Keep(received, error);
            return null;
        }
    }

    private async Task<List<OutboxMessage>> RespondAsync(ReceivedUpdate received, TelegramInput input, CancellationToken cancellationToken)
    {
        if (input.ChatActive is { } active)
        {
            chats.Mark(input.ChatId, active);
            return [];
        }
        if (input.CallbackQueryId is { } queryId) await AnswerButtonAsync(queryId, cancellationToken);
        chats.Mark(input.ChatId, active: true);
        var result = input.Message is { } message
            ? await core.HandleAsync(message with { MessageId = received.Id.ToString(CultureInfo.InvariantCulture) }, cancellationToken)
            : input.DirectReply is { } direct ? new ConversationResult([direct]) : new ConversationResult([]);
        var now = time.GetUtcNow();
        var messages = OutboxWriter.FromResult($"telegram:{received.Id}", TelegramUpdateReader.Channel, input.ChatId, result, now);
        if (result.Replies is [{ ReplacesPressedMessage: true }, ..] && input.PressedMessageId is { } pressed)
            messages[0].ReplacesMessageId = pressed.ToString(CultureInfo.InvariantCulture);
        return messages;
    }

    /// <summary>Stops the button's spinner; a failure here must not stop the answer itself.</summary>
    private async Task AnswerButtonAsync(string queryId, CancellationToken cancellationToken)
    {
        try
        {
            await connection.Client.AnswerCallbackQuery(queryId, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("Không trả lời được nút bấm ({Error})", ex.GetType().Name);
        }
    }
}

/// <summary>An update and the replies it produced, ready to be committed.</summary>
public sealed record HandledUpdate(ReceivedUpdate Update, IReadOnlyList<OutboxMessage> Replies);
