using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Outbox;

/// <summary>Turns replies into outbox messages, and outbox messages back into what a sender sends.</summary>
public static class OutboxWriter
{
    private static long _lastSequence;

    /// <summary>Increasing across the process, so replies enqueued in one millisecond keep their order.</summary>
    public static long NextSequence(DateTimeOffset now)
    {
        while (true)
        {
            var last = Interlocked.Read(ref _lastSequence);
            var next = Math.Max(last + 1, now.UtcTicks);
            if (Interlocked.CompareExchange(ref _lastSequence, next, last) == last) return next;
        }
    }

    public static OutboxMessage FromReply(string key, string channel, string chatId, Reply reply, DateTimeOffset dueAt, DateTimeOffset now, bool late = false) => new()
    {
        Key = key,
        Channel = channel,
        ChatId = chatId,
        Text = reply.Text,
        Buttons = [.. reply.Buttons.Select(row => row.Select(b => new OutboxButton { Text = b.Text, Data = b.Data }).ToList())],
        FilePath = reply.File?.Path,
        FileName = reply.File?.FileName,
        FileContentType = reply.File?.ContentType,
        DueAt = dueAt.UtcDateTime,
        Sequence = NextSequence(now),
        CreatedAt = now.UtcDateTime,
        Late = late,
    };

    /// <summary>
    /// The replies to one incoming message (to its chat) and its notices to other chats, keyed "&lt;prefix&gt;:0",
    /// "&lt;prefix&gt;:p0"…, so handling the same message again enqueues nothing new.
    /// </summary>
    public static List<OutboxMessage> FromResult(string keyPrefix, string channel, string chatId, ConversationResult result, DateTimeOffset now) =>
        [
            .. result.Replies.Select((r, i) => FromReply($"{keyPrefix}:{i}", channel, chatId, r, now, now)),
            .. result.Pushed.Select((p, i) => FromReply($"{keyPrefix}:p{i}", p.Channel, p.ChatId, p.Reply, now, now)),
        ];

    /// <summary>Inserts the messages whose key is not in the outbox yet; call inside the caller's transaction.</summary>
    public static void EnqueueOnce(BotDatabase db, IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
            if (db.Outbox.FindById(message.Key) is null) db.Outbox.Insert(message);
    }

    public static PushedMessage ToPushed(OutboxMessage m) => new(m.Channel, m.ChatId, new Reply(m.Text)
    {
        Buttons = [.. m.Buttons.Select(row => (IReadOnlyList<Button>)[.. row.Select(b => new Button(b.Text, b.Data))])],
        File = m.FilePath is null ? null : new OutgoingFile(m.FilePath, m.FileName ?? Path.GetFileName(m.FilePath), m.FileContentType ?? "application/octet-stream"),
    })
    { ReplacesMessageId = m.ReplacesMessageId };

    /// <summary>
    /// A text longer than the channel takes becomes several messages, split on line boundaries: the first keeps
    /// the edit target, the last the buttons and file. Each part has its own key, so a retry never repeats a part.
    /// </summary>
    public static List<OutboxMessage> Split(OutboxMessage message, int maxLength)
    {
        var parts = MessageSplitter.Split(message.Text, maxLength);
        if (parts.Count <= 1) return [message];
        var result = new List<OutboxMessage>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            result.Add(new OutboxMessage
            {
                Key = $"{message.Key}#{i + 1}",
                Channel = message.Channel,
                ChatId = message.ChatId,
                Text = parts[i],
                Buttons = last ? message.Buttons : [],
                FilePath = last ? message.FilePath : null,
                FileName = last ? message.FileName : null,
                FileContentType = last ? message.FileContentType : null,
                ReplacesMessageId = i == 0 ? message.ReplacesMessageId : null,
                DueAt = message.DueAt,
                Sequence = message.Sequence + i,
                CreatedAt = message.CreatedAt,
                Late = message.Late,
            });
        }
        return result;
    }
}
