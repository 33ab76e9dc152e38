using LiteDB;

namespace ThiDua.Core.Outbox;

public enum OutboxStatus { Pending, Sent, Failed, Blocked }

/// <summary>
/// A message waiting to be sent by its channel. The key makes it exactly-once: the same reminder (deadline,
/// offset, chat) or the same reply (update, part) is enqueued once, whatever restarts or overlapping runs happen.
/// </summary>
public sealed class OutboxMessage
{
    [BsonId] public string Key { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string Text { get; set; } = "";
    public List<List<OutboxButton>> Buttons { get; set; } = [];
    /// <summary>A file to send with the text (an export), by its path on this machine.</summary>
    public string? FilePath { get; set; }
    public string? FileName { get; set; }
    public string? FileContentType { get; set; }
    /// <summary>The channel's id of the message this one replaces (edited in place where the channel can).</summary>
    public string? ReplacesMessageId { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>Order among messages due at the same instant (LiteDB keeps milliseconds only).</summary>
    public long Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>Sends that went out without an answer: the first is sent again (one duplicate at most), the second is a failure.</summary>
    public int Unanswered { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    /// <summary>
    /// When a pending message may next be sent; null once it is not pending. Stored and indexed, so the dispatcher
    /// reads the few due messages in order instead of sorting everything ever sent.
    /// </summary>
    public DateTime? PendingAt => Status == OutboxStatus.Pending ? NextAttemptAt ?? DueAt : null;
    public DateTime? SentAt { get; set; }
    public bool Late { get; set; }
    public string? LastError { get; set; }
}

public sealed class OutboxButton
{
    public string Text { get; set; } = "";
    public string Data { get; set; } = "";
}
