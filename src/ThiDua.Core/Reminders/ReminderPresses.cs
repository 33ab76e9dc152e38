using ThiDua.Core.Conversations;

namespace ThiDua.Core.Reminders;

/// <summary>
/// Following a plan's deadlines (/nhacviec): "r|on|&lt;plan&gt;", "r|off|&lt;plan&gt;", a schedule "r|sch|&lt;plan&gt;|3-1-0".
/// A press on the menu itself ends in "|m": the menu is drawn again in place.
/// </summary>
public abstract record FollowPress(string CampaignId) : ButtonPayload, IPayloadFamily<FollowPress>
{
    public static string Prefix => "r";

    /// <summary>Whether the press came from the /nhacviec menu (and so redraws it).</summary>
    public bool FromMenu { get; init; }

    private string Menu(string data) => FromMenu ? data + "|m" : data;

    public sealed record Follow(string CampaignId) : FollowPress(CampaignId)
    {
        public override string Data => Menu(Write(Prefix, "on", CampaignId));
    }

    public sealed record Unfollow(string CampaignId) : FollowPress(CampaignId)
    {
        public override string Data => Menu(Write(Prefix, "off", CampaignId));
    }

    /// <summary>Days before each deadline, as "7-3-1-0".</summary>
    public sealed record Schedule(string CampaignId, string Days) : FollowPress(CampaignId)
    {
        public override string Data => Write(Prefix, "sch", CampaignId, Days);
    }

    public static FollowPress? FromFields(string[] fields) => fields switch
    {
        ["on", var plan] => new Follow(plan),
        ["on", var plan, "m"] => new Follow(plan) { FromMenu = true },
        ["off", var plan] => new Unfollow(plan),
        ["off", var plan, "m"] => new Unfollow(plan) { FromMenu = true },
        ["sch", var plan, var days] => new Schedule(plan, days),
        _ => null,
    };
}

/// <summary>One's own reminders (/nhacnho): "x|list", "x|del|12".</summary>
public abstract record PersonalReminderPress : ButtonPayload, IPayloadFamily<PersonalReminderPress>
{
    public static string Prefix => "x";

    public static PersonalReminderPress Mine { get; } = new List();

    public sealed record List : PersonalReminderPress
    {
        public override string Data => Write(Prefix, "list");
    }

    public sealed record Delete(int ReminderId) : PersonalReminderPress
    {
        public override string Data => Write(Prefix, "del", Write(ReminderId));
    }

    public static PersonalReminderPress? FromFields(string[] fields) => fields switch
    {
        ["list"] => Mine,
        ["del", var id] when Number(id) is { } n => new Delete(n),
        _ => null,
    };
}
