using System.Text.Json;
using LiteDB;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>An update as received. Webhook posts are kept until handled; polled ones stay with Telegram until the offset moves.</summary>
public sealed class ReceivedUpdate
{
    [BsonId] public long Id { get; set; }
    /// <summary>The chat it belongs to: one chat's updates are handled in order.</summary>
    public string ChatKey { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    /// <summary>Handled webhook posts keep their id (not their content) a week, so a repeated post is handled once.</summary>
    public bool Done { get; set; }

    public static ReceivedUpdate From(long id, JsonElement raw, DateTime receivedAt) =>
        new() { Id = id, ChatKey = TelegramInbox.ChatKeyOf(raw), Json = raw.GetRawText(), ReceivedAt = receivedAt };
}

public sealed class PollingState
{
    [BsonId] public string Id { get; set; } = "telegram";
    /// <summary>The next update id to ask getUpdates for; everything below it is stored.</summary>
    public long Offset { get; set; }
}

/// <summary>
/// Telegram's bookkeeping in LiteDB. Polling: the offset moves in the same transaction that enqueues the replies
/// of the updates below it, so a restart neither repeats nor drops one (Telegram keeps the rest). Webhook: each
/// post is stored before the 200 and marked handled with its replies.
/// </summary>
public sealed class TelegramInbox
{
    private static readonly TimeSpan KeepHandled = TimeSpan.FromDays(7);
    private readonly BotDatabase _db;
    private readonly ILiteCollection<ReceivedUpdate> _updates;
    private readonly ILiteCollection<PollingState> _state;
    private readonly TimeProvider _time;

    public TelegramInbox(BotDatabase db, TimeProvider time)
    {
        _db = db;
        _time = time;
        _updates = db.Collection<ReceivedUpdate>("telegram_updates");
        _updates.EnsureIndex(u => u.Done);
        _state = db.Collection<PollingState>("telegram_state");
    }

    public long Offset => _state.FindById("telegram")?.Offset ?? 0;

    /// <summary>Stores a webhook post unless it was received before; false for a repeat.</summary>
    public bool Store(long id, JsonElement raw) => _db.InTransaction(() =>
    {
        if (_updates.FindById(id) is not null) return false;
        _updates.Insert(ReceivedUpdate.From(id, raw, _time.GetUtcNow().UtcDateTime));
        return true;
    });

    public List<ReceivedUpdate> Pending(int limit) =>
        _updates.Query().Where(u => !u.Done).OrderBy(u => u.Id).Limit(limit).ToList();

    /// <summary>Polling: these updates' replies and the offset past them, in one transaction.</summary>
    public void CommitPolled(IReadOnlyCollection<HandledUpdate> handled) => _db.InTransaction(() =>
    {
        Enqueue(handled);
        if (handled.Count > 0 && handled.Max(h => h.Update.Id) + 1 is var offset && offset > Offset) _state.Upsert(new PollingState { Offset = offset });
        return handled.Count;
    });

    /// <summary>Webhook: the posts marked handled (their content dropped) and their replies, in one transaction.</summary>
    public void CommitPosted(IReadOnlyCollection<HandledUpdate> handled) => _db.InTransaction(() =>
    {
        Enqueue(handled);
        foreach (var (update, _) in handled)
        {
            update.Done = true;
            update.Json = "";
            _updates.Update(update);
        }
        return handled.Count;
    });

    private void Enqueue(IReadOnlyCollection<HandledUpdate> handled) => OutboxWriter.EnqueueOnce(_db, handled.SelectMany(h => h.Replies));

    public int PruneHandled()
    {
        var before = (_time.GetUtcNow() - KeepHandled).UtcDateTime;
        return _updates.DeleteMany(u => u.Done && u.ReceivedAt < before);
    }

    /// <summary>The chat an update belongs to, read without trusting its shape.</summary>
    public static string ChatKeyOf(JsonElement raw)
    {
        foreach (var kind in new[] { "message", "edited_message", "callback_query", "my_chat_member", "channel_post" })
        {
            if (!raw.TryGetProperty(kind, out var body) || body.ValueKind != JsonValueKind.Object) continue;
            if (kind == "callback_query" && body.TryGetProperty("message", out var pressed) && pressed.ValueKind == JsonValueKind.Object) body = pressed;
            if (body.TryGetProperty("chat", out var chat) && chat.ValueKind == JsonValueKind.Object && chat.TryGetProperty("id", out var id))
                return id.ToString();
            if (body.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object && from.TryGetProperty("id", out var user))
                return user.ToString();
        }
        return "?";
    }
}
