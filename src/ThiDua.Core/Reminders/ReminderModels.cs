using LiteDB;

namespace ThiDua.Core.Reminders;

/// <summary>A chat following a campaign's deadlines.</summary>
public sealed class Follow
{
    /// <summary>"channel:chatId|campaignId".</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string CampaignId { get; set; } = "";
    /// <summary>Days before the due date to remind; null means the configured default.</summary>
    public int[]? OffsetsDays { get; set; }
    /// <summary>The follower's kind of unit when known: only obligations addressed to it are reminded.</summary>
    public Knowledge.UnitKind? UnitKind { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string KeyFor(string channel, string chatId, string campaignId) => $"{channel}:{chatId}|{campaignId}";
}

public enum OutboxStatus { Pending, Sent, Failed, Blocked }

/// <summary>
/// A message waiting to be sent by its channel. The key makes it exactly-once: the same reminder (deadline,
/// offset, chat) is enqueued once, whatever restarts or overlapping runs happen.
/// </summary>
public sealed class OutboxMessage
{
    [BsonId] public string Key { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string Text { get; set; } = "";
    public List<List<OutboxButton>> Buttons { get; set; } = [];
    public DateTime DueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public bool Late { get; set; }
    public string? LastError { get; set; }
}

public sealed class OutboxButton
{
    public string Text { get; set; } = "";
    public string Data { get; set; } = "";
}

/// <summary>Bookkeeping of the reminder runs: the instant up to which everything due has been enqueued.</summary>
public sealed class ReminderRun
{
    [BsonId] public string Id { get; set; } = "reminders";
    public DateTime CoveredUntil { get; set; }
}
