using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Reminders;

/// <summary>
/// /nhacviec: follow or unfollow a campaign's deadlines ("r|on|id", "r|off|id"), and see what is followed.
/// The menu's own buttons end in "|m": pressing one redraws the menu in place.
/// </summary>
public sealed class FollowDesk(BotDatabase db, TimeProvider time, ReminderOptions options)
{
    public Reply Menu(KnowledgeBase kb, IncomingMessage m, string? done = null)
    {
        var follows = Mine(m);
        var followed = follows.Select(f => f.CampaignId).ToHashSet(StringComparer.Ordinal);
        // Each plan's own schedule (a follower may have chosen 3-1-0 instead of the default), as it will be sent.
        var lines = follows.Select(f => (Plan: kb.Find(f.CampaignId), f.OffsetsDays)).Where(x => x.Plan is not null)
            .Select(x => $"• {x.Plan!.ShortName}: {Describe(x.OffsetsDays ?? options.OffsetsDays)}");
        var text = followed.Count == 0
            ? $"Bạn chưa theo dõi kế hoạch nào. Chọn kế hoạch để được nhắc trước mỗi hạn ({Describe(options.OffsetsDays)}, lúc {options.SendAt:HH\\:mm}):"
            : $"Bạn đang được nhắc hạn (lúc {options.SendAt:HH\\:mm}) cho {followed.Count} kế hoạch:\n{string.Join('\n', lines)}\nBấm để bật/tắt:";
        return new Reply(done is null ? text : $"{done}\n\n{text}")
        {
            Buttons = [.. kb.Campaigns.Select(c => (IReadOnlyList<Button>)[followed.Contains(c.Id)
                ? new FollowPress.Unfollow(c.Id) { FromMenu = true }.Button($"✅ {c.ShortName} (bấm để tắt)")
                : new FollowPress.Follow(c.Id) { FromMenu = true }.Button($"🔔 {c.ShortName}")])],
        };
    }

    /// <summary>Schedules an officer can pick instead of the default, as button data "r|sch|&lt;plan&gt;|7-3-1-0".</summary>
    private static readonly string[] Schedules = ["7-3-1-0", "3-1-0", "1-0", "0"];

    public Reply Press(KnowledgeBase kb, IncomingMessage m, FollowPress? press, DateOnly today)
    {
        if (press is null || kb.Find(press.CampaignId) is not { } campaign) return new Reply("Nút này không còn dùng được. Gõ /nhacviec để chọn lại.");
        var reply = Apply(kb, m, press, campaign, today);
        if (press.FromMenu)
            reply = Menu(kb, m, press is FollowPress.Unfollow ? reply.Text : $"🔔 Đã bật nhắc hạn cho {campaign.ShortName}.");
        // A schedule pick or a menu toggle updates the message it was pressed on.
        return reply with { ReplacesPressedMessage = press is FollowPress.Schedule || press.FromMenu };
    }

    private Reply Apply(KnowledgeBase kb, IncomingMessage m, FollowPress press, Campaign campaign, DateOnly today)
    {
        var key = Follow.KeyFor(m.Channel, m.ChatId, campaign.Id, m.UserId);
        if (press is FollowPress.Schedule { Days: var days } && Schedules.Contains(days) && Mine(m).FirstOrDefault(f => f.CampaignId == campaign.Id) is { } followed)
        {
            followed.OffsetsDays = [.. days.Split('-').Select(int.Parse)];
            db.Follows.Update(followed);
            return new Reply($"Đã đổi lịch nhắc cho {campaign.ShortName}: {Describe(followed.OffsetsDays)}, lúc {options.SendAt:HH\\:mm}.");
        }
        if (press is FollowPress.Unfollow)
        {
            foreach (var mine in Mine(m).Where(f => f.CampaignId == campaign.Id)) db.Follows.Delete(mine.Id);
            return new Reply($"Đã tắt nhắc hạn cho {campaign.ShortName}.");
        }
        // The officer's unit, when known from their nominations, decides which obligations concern them.
        var unitKind = UnitKinds.FromUnitName(db.Officer($"{m.Channel}:{m.UserId}")?.Unit);
        // Turning on again keeps a schedule already chosen.
        var chosen = db.Follows.FindById(key)?.OffsetsDays;
        db.Follows.Upsert(new Follow { Id = key, Channel = m.Channel, ChatId = m.ChatId, UserId = m.UserId, CampaignId = campaign.Id, UnitKind = unitKind, OffsetsDays = chosen, CreatedAt = time.GetUtcNow().UtcDateTime });
        var next = campaign.Deadlines.Where(ReminderPlanner.IsObligation).Where(d => d.DueDate >= today).OrderBy(d => d.DueDate).FirstOrDefault();
        var when = next is null
            ? $"Kế hoạch đã hết các hạn (kết thúc {VietnameseDates.Format(campaign.Period.End)}), nên sẽ không có nhắc mới."
            : $"Hạn gần nhất: {next.Title} — {VietnameseDates.WithWeekday(next.DueDate)} ({VietnameseDates.Relative(next.DueDate, today)}).";
        return new Reply($"🔔 Đã bật nhắc hạn cho {campaign.ShortName} ({Describe(chosen ?? options.OffsetsDays)}, lúc {options.SendAt:HH\\:mm}). {when}")
        {
            Buttons =
            [
                [.. Schedules.Take(3).Select(sc => new FollowPress.Schedule(campaign.Id, sc).Button($"Nhắc trước {sc} ngày"))],
                [new FollowPress.Unfollow(campaign.Id).Button("Tắt nhắc kế hoạch này")],
            ],
        };
    }

    /// <summary>This person's follows in this chat: in a group, never another member's.</summary>
    private List<Follow> Mine(IncomingMessage m) => [.. db.Follows.Find(f => f.Channel == m.Channel && f.ChatId == m.ChatId).Where(f => f.BelongsTo(m))];

    private static string Describe(IEnumerable<int> days) =>
        string.Join(", ", days.Select(d => d == 0 ? "sáng ngày đến hạn" : $"{d} ngày trước"));
}
