using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Questions;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Reminders;

/// <summary>The reminder an officer reads: what is due, for which plan, when (weekday, how far), in the plan's words.</summary>
public static class ReminderText
{
    /// <summary>Said on a reminder sent after its moment, with the moment it was due.</summary>
    public static string LateNote(DateTimeOffset fireAt)
    {
        var local = TimeZoneInfo.ConvertTime(fireAt, Time.LocalClock.VietnamZone);
        return $"(Nhắc muộn: lẽ ra gửi {VietnameseDates.WithWeekday(DateOnly.FromDateTime(local.DateTime))} lúc {local:HH\\:mm}.)";
    }

    /// <param name="sentLate">When the reminder goes out after its moment: the instant it is sent, which the text is true of.</param>
    public static Reply Compose(DueReminder r, BotDatabase db, DateTimeOffset? sentLate = null)
    {
        var d = r.Deadline;
        var c = r.Campaign;
        var fireDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sentLate ?? r.FireAt, Time.LocalClock.VietnamZone).DateTime);
        var lines = new List<string>
        {
            $"⏰ Nhắc hạn: {d.Title}",
            $"Kế hoạch: {c.ShortName}",
            $"Hạn: {VietnameseDates.WithWeekday(d.DueDate)} — {(d.DueDate < fireDay ? $"đã qua hạn {fireDay.DayNumber - d.DueDate.DayNumber} ngày" : VietnameseDates.Relative(d.DueDate, fireDay))} (kế hoạch ghi: “{d.Wording}”)",
        };
        if (!string.IsNullOrWhiteSpace(d.Who)) lines.Add($"Thực hiện: {d.Who}");
        if (!string.IsNullOrWhiteSpace(d.SendTo)) lines.Add($"Gửi: {d.SendTo}");
        // The follower's own nominations only (and those of their linked Telegram/Zalo identity), never others',
        // and never in a group, where everyone would read them.
        var owner = r.Follow.PersonKey ?? "";
        var linked = db.Officer(owner)?.LinkedTo ?? owner;
        var lacking = owner.Length == 0 ? [] : db.Nominations.Find(n => (n.OwnerKey == owner || n.OwnerKey == linked) && n.CampaignId == c.Id)
            .Where(n => n.Status != NominationStatus.Withdrawn)
            .Select(n => (n.Code, Missing: DossierChecklist.MissingCount(n, c)))
            .Where(x => x.Missing > 0).Take(5).ToList();
        if (lacking.Count > 0) lines.Add("Đề nghị còn thiếu hồ sơ: " + string.Join(", ", lacking.Select(x => $"{x.Code} (thiếu {x.Missing})")));
        if (sentLate is not null) lines.Add(LateNote(r.FireAt));
        lines.Add(KnowledgeBase.Citation(c, [d.Section]));
        return new Reply(string.Join('\n', lines))
        {
            Buttons =
            [
                [QuestionPress.Ask("Xem chi tiết", QuestionKind.Deadlines, c), CommandPress.OwnNominations.Button("Hồ sơ còn thiếu")],
                [new FollowPress.Unfollow(c.Id).Button("Tắt nhắc kế hoạch này")],
            ],
        };
    }
}
