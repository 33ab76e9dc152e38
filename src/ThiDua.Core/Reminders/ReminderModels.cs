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

/// <summary>Bookkeeping of the reminder runs: the instant up to which everything due has been enqueued.</summary>
public sealed class ReminderRun
{
    [BsonId] public string Id { get; set; } = "reminders";
    public DateTime CoveredUntil { get; set; }
}
