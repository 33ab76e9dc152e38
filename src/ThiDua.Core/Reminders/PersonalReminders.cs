using System.Globalization;
using System.Text.RegularExpressions;
using LiteDB;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Reminders;

/// <summary>A reminder an officer asked for in their own words.</summary>
public sealed class PersonalReminder
{
    [BsonId] public int Id { get; set; }
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    /// <summary>Who asked. Older files have none: the chat's own user (a private chat's id is its user's).</summary>
    public string? UserId { get; set; }
    public DateTime FireAt { get; set; }
    public string What { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public bool BelongsTo(IncomingMessage m) => Channel == m.Channel && ChatId == m.ChatId && (UserId ?? ChatId) == m.UserId;
}

/// <summary>
/// "nhắc tôi ngày 20/6 nộp báo cáo sơ kết", "nhắc tôi trước hạn nộp báo cáo Lào Cai 2 ngày": parsed, confirmed back
/// with the exact date and time, listed (/nhacnho) and removable. The reminder service sends them like the others.
/// </summary>
public sealed partial class PersonalReminders(BotDatabase db, LocalClock clock, ReminderOptions options)
{
    [GeneratedRegex(@"^(hay |xin |vui long )?nhac (toi|minh|em|anh|chi)\b")]
    private static partial Regex Request();

    [GeneratedRegex(@"\b(?:ngay\s+)?(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{4}))?\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:luc\s+)?(?<h>\d{1,2})(?:h|:|\s*gio\s*)(?<min>\d{2})?\b")]
    private static partial Regex TimePattern();

    // "trước hạn nộp báo cáo đợt 2 5 ngày", "trước 5 ngày hạn …", "5 ngày trước hạn báo cáo đợt 2".
    [GeneratedRegex(@"truoc\s+(?:han\s+)?(?<rest>.*?)\s*(?<n>\d{1,2})\s*ngay|truoc\s+(?<n>\d{1,2})\s*ngay\s+(?<rest>.*)|(?<n>\d{1,2})\s*ngay\s+truoc\s+(?:han\s+)?(?<rest>.*)")]
    private static partial Regex BeforeDeadline();

    public static bool IsRequest(string text) => Request().IsMatch(VietnameseText.Fold(text));

    public Reply Create(KnowledgeBase kb, IncomingMessage m, string text, Campaign? context)
    {
        var folded = VietnameseText.Fold(text);
        var body = Request().Replace(folded, "").Trim();
        var today = clock.Today;
        DateOnly day;
        string what;
        if (BeforeDeadline().Match(body) is { Success: true } before)
        {
            var days = int.Parse(before.Groups["n"].Value, CultureInfo.InvariantCulture);
            var words = kb.Glossary.Expand(before.Groups["rest"].Value);
            var mention = kb.Resolver.Resolve(words);
            var campaign = mention.Candidates.Count == 1 ? mention.Candidates[0] : mention.IsNone ? context : null;
            if (campaign is null)
                return new Reply("Bạn muốn nhắc trước hạn của kế hoạch nào? Ví dụ: “nhắc tôi trước hạn nộp báo cáo Lào Cai 2 ngày”.");
            var (deadline, problem) = DeadlineMeant(campaign, mention.OtherWords, today);
            if (deadline is null) return new Reply(problem!);
            day = deadline.DueDate.AddDays(-days);
            var phase = campaign.Phases.FirstOrDefault(p => p.Id == deadline.PhaseId);
            what = $"{deadline.Title}{(phase is null || deadline.Title.Contains(phase.Name, StringComparison.OrdinalIgnoreCase) ? "" : $" ({phase.Name})")} ({campaign.ShortName}) — hạn {VietnameseDates.WithWeekday(deadline.DueDate)}, kế hoạch ghi “{deadline.Wording}”";
        }
        else if (DatePattern().Match(body) is { Success: true } date && TryDay(date, today, out day))
        {
            what = CleanWhat(text, date.Value);
            if (what.Length < 3) return new Reply("Nhắc bạn việc gì? Ví dụ: “nhắc tôi ngày 20/6 nộp báo cáo sơ kết”.");
        }
        else
        {
            return new Reply("Tôi chưa hiểu ngày cần nhắc. Ví dụ: “nhắc tôi ngày 20/6 nộp báo cáo sơ kết” hoặc “nhắc tôi trước hạn nộp báo cáo Lào Cai 2 ngày”.");
        }
        var at = TimePattern().Match(body) is { Success: true } t && int.Parse(t.Groups["h"].Value, CultureInfo.InvariantCulture) is var h and < 24
            ? new TimeOnly(h, t.Groups["min"].Success ? Math.Min(59, int.Parse(t.Groups["min"].Value, CultureInfo.InvariantCulture)) : 0)
            : options.SendAt;
        var fireAt = ReminderPlanner.FireAt(day, at);
        if (fireAt <= clock.Now) return new Reply($"Thời điểm nhắc ({VietnameseDates.WithWeekday(day)} lúc {at:HH\\:mm}) đã qua. Bạn chọn ngày khác nhé.");
        // The same request twice is one reminder: said so, not set again.
        var existing = db.PersonalReminders.Find(r => r.Channel == m.Channel && r.ChatId == m.ChatId && r.FireAt == fireAt.UtcDateTime)
            .FirstOrDefault(r => r.BelongsTo(m) && r.What == what);
        if (existing is not null)
            return new Reply($"Bạn đã đặt nhắc này rồi: {what}\nVào {VietnameseDates.WithWeekday(day)} lúc {at:HH\\:mm}. Không đặt thêm.")
            {
                Buttons = [[PersonalReminderPress.Mine.Button("Các nhắc của tôi"), new PersonalReminderPress.Delete(existing.Id).Button("Xóa nhắc này")]],
            };
        var reminder = new PersonalReminder
        {
            Channel = m.Channel,
            ChatId = m.ChatId,
            UserId = m.UserId,
            FireAt = fireAt.UtcDateTime,
            What = what,
            CreatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime,
        };
        db.PersonalReminders.Insert(reminder);
        return new Reply($"⏰ Đã đặt nhắc: {what}\nVào {VietnameseDates.WithWeekday(day)} lúc {at:HH\\:mm} ({VietnameseDates.Relative(day, clock.Today)}).")
        {
            Buttons = [[PersonalReminderPress.Mine.Button("Các nhắc của tôi"), new PersonalReminderPress.Delete(reminder.Id).Button("Xóa nhắc này")]],
        };
    }

    public Reply List(IncomingMessage m)
    {
        var now = clock.TimeProvider.GetUtcNow().UtcDateTime;
        var mine = db.PersonalReminders.Find(r => r.Channel == m.Channel && r.ChatId == m.ChatId && r.FireAt > now).Where(r => r.BelongsTo(m)).OrderBy(r => r.FireAt).Take(10).ToList();
        if (mine.Count == 0) return new Reply("Bạn chưa đặt nhắc riêng nào. Ví dụ: “nhắc tôi ngày 20/6 nộp báo cáo sơ kết”.");
        var lines = mine.Select(r => $"• {Describe(r.FireAt)}: {r.What}").Prepend("Các nhắc riêng của bạn:");
        return new Reply(string.Join('\n', lines)) { Buttons = [.. mine.Select(r => (IReadOnlyList<Button>)[new PersonalReminderPress.Delete(r.Id).Button($"Xóa: {TextFit.Shorten(r.What, 40)}")])] };
    }

    public Reply Press(IncomingMessage m, PersonalReminderPress? press)
    {
        if (press is PersonalReminderPress.List) return List(m);
        if (press is PersonalReminderPress.Delete(var number) && db.PersonalReminders.FindById(number) is { } r && r.BelongsTo(m))
        {
            db.PersonalReminders.Delete(number);
            return new Reply($"Đã xóa nhắc: {r.What}");
        }
        return new Reply("Không tìm thấy nhắc này (có thể đã xóa).");
    }

    /// <summary>
    /// The deadline the words mean: the phase they name ("đợt 2") and the kind ("báo cáo", "hồ sơ", "tổng kết") decide;
    /// the title's words choose among what is left, the nearest first. A phase the plan lacks, or a deadline already
    /// past, is said so rather than replaced by another.
    /// </summary>
    private static (Deadline? Deadline, string? Problem) DeadlineMeant(Campaign c, IReadOnlyList<string> words, DateOnly today)
    {
        var joined = string.Join(' ', words);
        var list = $"Hỏi “các hạn {c.ShortName}” để xem danh sách hạn.";
        var candidates = c.Deadlines.Where(ReminderPlanner.IsObligation).ToList();
        if (PeriodNumbers.Phase(joined) is { } n)
        {
            if (n < 1 || n > c.Phases.Count)
                return (null, c.Phases.Count == 0 ? $"Kế hoạch {c.ShortName} không chia đợt. {list}" : $"Kế hoạch {c.ShortName} không có đợt {n} (chỉ có {c.Phases.Count} đợt). {list}");
            candidates = [.. candidates.Where(d => d.PhaseId == c.Phases[n - 1].Id)];
        }
        if (KindNamed(joined) is { } kind) candidates = [.. candidates.Where(d => d.Kind == kind)];
        if (candidates.Count == 0) return (null, $"Tôi chưa tìm thấy hạn nào như vậy trong kế hoạch {c.ShortName}. {list}");
        var asked = words.Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
        var best = candidates.Select(d => (d, score: VietnameseText.Words(d.Title).Distinct().Count(asked.Contains)))
            .OrderByDescending(x => x.score).ThenBy(x => x.d.DueDate < today).ThenBy(x => x.d.DueDate).Select(x => x.d).First();
        return best.DueDate < today
            ? (null, $"Hạn “{best.Title}” của kế hoạch {c.ShortName} đã qua ({VietnameseDates.WithWeekday(best.DueDate)}). {list}")
            : (best, null);
    }

    private static DeadlineKind? KindNamed(string words) =>
        words.Contains("bao cao", StringComparison.Ordinal) ? DeadlineKind.Report
        : words.Contains("ho so", StringComparison.Ordinal) || words.Contains("de nghi khen", StringComparison.Ordinal) ? DeadlineKind.Submission
        : words.Contains("tong ket", StringComparison.Ordinal) ? DeadlineKind.FinalReview
        : words.Contains("so ket", StringComparison.Ordinal) ? DeadlineKind.MidTermReview
        : null;

    private static bool TryDay(Match date, DateOnly today, out DateOnly day)
    {
        day = default;
        var d = int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture);
        var y = date.Groups["y"].Success ? int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture) : today.Year;
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        day = new DateOnly(y, mo, d);
        // "ngày 20/6" said in November means next year's 20/6; said on 21/6 it is a slip, refused as past.
        if (!date.Groups["y"].Success && day < today && today.DayNumber - day.DayNumber > 60 && d <= DateTime.DaysInMonth(y + 1, mo)) day = day.AddYears(1);
        return true;
    }

    /// <summary>What to do, in the officer's own words, without "nhắc tôi", the date and the time.</summary>
    private static string CleanWhat(string text, string foldedDate)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var skip = words.TakeWhile(w => VietnameseText.Fold(w) is "nhac" or "toi" or "minh" or "hay" or "xin" or "em" or "anh" or "chi").Count();
        var rest = words.Skip(skip).Where(w => !VietnameseText.Fold(w).Contains(foldedDate.Split(' ')[^1], StringComparison.Ordinal)).ToList();
        if (rest.Count > 0 && VietnameseText.Fold(rest[0]) == "ngay") rest.RemoveAt(0);
        return string.Join(' ', rest).Trim(' ', ',', '.', ':');
    }

    private static string Describe(DateTime fireAtUtc)
    {
        var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(fireAtUtc, TimeSpan.Zero), LocalClock.VietnamZone);
        return $"{VietnameseDates.WithWeekday(DateOnly.FromDateTime(local.DateTime))} lúc {local:HH\\:mm}";
    }

}
