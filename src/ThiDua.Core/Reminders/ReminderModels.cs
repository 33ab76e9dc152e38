using LiteDB;

namespace ThiDua.Core.Reminders;

/// <summary>A person following a campaign's deadlines in a chat (their private chat, or a group they are in).</summary>
public sealed class Follow
{
    /// <summary>"channel:chatId|campaignId" in a private chat; "channel:chatId|campaignId|userId" in a group.</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    /// <summary>Who turned it on. Older files have none: a private chat's is its user, a group's was shared by the group.</summary>
    public string? UserId { get; set; }
    public string CampaignId { get; set; } = "";
    /// <summary>Days before the due date to remind; null means the configured default.</summary>
    public int[]? OffsetsDays { get; set; }
    /// <summary>The follower's kind of unit when known: only obligations addressed to it are reminded.</summary>
    public Knowledge.UnitKind? UnitKind { get; set; }
    public DateTime CreatedAt { get; set; }

    public static string KeyFor(string channel, string chatId, string campaignId, string? userId = null) =>
        userId is null || userId == chatId ? $"{channel}:{chatId}|{campaignId}" : $"{channel}:{chatId}|{campaignId}|{userId}";

    /// <summary>Whether this person in this chat may see and change it: theirs, or an older one shared by the whole chat.</summary>
    public bool BelongsTo(Conversations.IncomingMessage m) => Channel == m.Channel && ChatId == m.ChatId && (UserId is null || UserId == m.UserId);

    /// <summary>Whose nominations its reminders may list: a private chat's user only, never a group's.</summary>
    public string? PersonKey => ChatId == (UserId ?? ChatId) ? $"{Channel}:{ChatId}" : null;
}

/// <summary>Bookkeeping of the reminder runs: the instant up to which everything due has been enqueued.</summary>
public sealed class ReminderRun
{
    public const string RealTime = "reminders", SimulatedTime = "reminders-simulated";

    [BsonId] public string Id { get; set; } = RealTime;
    public DateTime CoveredUntil { get; set; }
    /// <summary>Simulated time only: which simulation this is, counted (a new one starts when the clock is set before the last one's end).</summary>
    public long Simulation { get; set; }
}
