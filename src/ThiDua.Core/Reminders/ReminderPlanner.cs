using ThiDua.Core.Knowledge;
using ThiDua.Core.Time;

namespace ThiDua.Core.Reminders;

/// <summary>One reminder to send: which deadline, how many days before, to which chat, at what instant.</summary>
public sealed record DueReminder(Follow Follow, Campaign Campaign, Deadline Deadline, int OffsetDays, DateTimeOffset FireAt)
{
    /// <summary>Exactly-once key: the same deadline, offset and chat never produce two messages.</summary>
    public string Key => $"r|{Campaign.Id}|{Deadline.Id}|{OffsetDays}|{Follow.Channel}:{Follow.ChatId}";
}

/// <summary>
/// Which reminders fall in a window (from, to]: for every follower, every dated obligation of the campaign
/// (events and approximate dates excluded), every offset, fired at the configured local time.
/// Pure computation over the data, so the Quartz job, the scripted clock and the tests all call the same thing.
/// </summary>
public static class ReminderPlanner
{
    public static IEnumerable<DueReminder> Due(IEnumerable<Follow> follows, KnowledgeBase kb, ReminderOptions options, DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var follow in follows)
        {
            if (kb.Find(follow.CampaignId) is not { } campaign) continue;
            foreach (var deadline in campaign.Deadlines.Where(d => IsObligation(d) && UnitKinds.Concerns(d, follow.UnitKind)))
                foreach (var offset in follow.OffsetsDays ?? options.OffsetsDays)
                {
                    var fireAt = FireAt(deadline.DueDate.AddDays(-offset), options.SendAt);
                    if (fireAt > from && fireAt <= to) yield return new DueReminder(follow, campaign, deadline, offset, fireAt);
                }
        }
    }

    /// <summary>Milestones such as anniversaries or "dự kiến" dates are not obligations to be reminded of.</summary>
    public static bool IsObligation(Deadline d) => d.Kind != DeadlineKind.Event && d.Rule != DueRule.Approximate;

    public static DateTimeOffset FireAt(DateOnly day, TimeOnly at)
    {
        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, LocalClock.VietnamZone.GetUtcOffset(local));
    }
}
