using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;
using ThiDua.Core.Telemetry;

namespace ThiDua.Core.Reminders;

/// <summary>
/// Enqueues the reminders due over (covered until, now] into the outbox, once each. Quartz fires it on real time,
/// the scripted clock calls it directly; the window comes from the database, so a missed slot is never lost and
/// an overlapping run never doubles. After downtime, reminders older than the grace period are skipped and logged.
/// </summary>
public sealed class ReminderService(BotDatabase db, KnowledgeProvider knowledge, ReminderOptions options, ILogger<ReminderService> logger, BotMetrics? metrics = null)
{
    /// <summary>An outbox key of a plan-deadline (r|) or personal (p|) reminder.</summary>
    public static bool IsReminder(string outboxKey) => outboxKey.StartsWith("r|", StringComparison.Ordinal) || outboxKey.StartsWith("p|", StringComparison.Ordinal);

    private readonly Lock _runLock = new();

    /// <param name="now">The instant to catch up to.</param>
    /// <param name="afterDowntime">True at start-up: the service was not running, so grace applies.</param>
    public int Run(DateTimeOffset now, bool afterDowntime)
    {
        lock (_runLock)
        {
            var id = options.Simulated ? ReminderRun.SimulatedTime : ReminderRun.RealTime;
            var run = db.ReminderRuns.FindById(id);
            if (run is null)
            {
                // A new database starts its reminders from now: nothing from before it existed is sent.
                db.ReminderRuns.Upsert(new ReminderRun { Id = id, CoveredUntil = now.UtcDateTime });
                return 0;
            }
            var from = new DateTimeOffset(DateTime.SpecifyKind(run.CoveredUntil, DateTimeKind.Utc));
            if (now < from) return Behind(run, from, now);
            if (now == from) return 0;
            // Several steps of one deadline passed in one run (the clock moved on, the host was down): only the last is
            // sent, and it says where the deadline stands now; "còn 3 ngày", "ngày mai", "hôm nay" at once would all be false.
            var due = ReminderPlanner.Due(db.Follows.FindAll().ToList(), knowledge.Current, options, from, now)
                .GroupBy(r => (r.Follow.Id, r.Deadline.Id)).Select(g => g.MaxBy(r => r.FireAt)!).OrderBy(r => r.FireAt).ToList();
            return db.InTransaction(() =>
            {
                var enqueued = 0;
                var fromUtc = from.UtcDateTime;
                var nowUtc = now.UtcDateTime;
                var personalDue = db.PersonalReminders.Find(r => r.FireAt > fromUtc && r.FireAt <= nowUtc).ToList();
                metrics?.RemindersDue(due.Count + personalDue.Count);
                foreach (var reminder in due)
                {
                    var key = KeyOf(reminder.Key, run);
                    if (Missed(key, reminder.FireAt, now, afterDowntime, out var late) || db.Outbox.FindById(key) is not null) continue;
                    db.Outbox.Insert(OutboxWriter.FromReply(key, reminder.Follow.Channel, reminder.Follow.ChatId, ReminderText.Compose(reminder, db, late ? now : null), reminder.FireAt, now, late));
                    enqueued++;
                }
                foreach (var personal in personalDue)
                {
                    var key = KeyOf($"p|{personal.Id}", run);
                    var fireAt = new DateTimeOffset(DateTime.SpecifyKind(personal.FireAt, DateTimeKind.Utc));
                    if (Missed(key, fireAt, now, afterDowntime, out var late) || db.Outbox.FindById(key) is not null) continue;
                    var reply = new Reply($"⏰ Nhắc việc: {personal.What}" + (late ? "\n" + ReminderText.LateNote(fireAt) : ""))
                    {
                        Buttons = [[PersonalReminderPress.Mine.Button("Các nhắc của tôi")]],
                    };
                    db.Outbox.Insert(OutboxWriter.FromReply(key, personal.Channel, personal.ChatId, reply, fireAt, now, late));
                    enqueued++;
                }
                db.ReminderRuns.Upsert(new ReminderRun { Id = id, CoveredUntil = now.UtcDateTime, Simulation = run.Simulation });
                return enqueued;
            });
        }
    }

    /// <summary>
    /// After downtime a reminder whose time has passed is late; later than the grace period it is skipped and logged.
    /// One rule for plan deadlines and personal reminders alike.
    /// </summary>
    private bool Missed(string key, DateTimeOffset fireAt, DateTimeOffset now, bool afterDowntime, out bool late)
    {
        // Late is late whatever the cause: downtime, or a clock that moved past the moment (a demo, a test).
        late = now - fireAt > OnTime;
        if (!late || !afterDowntime || now - fireAt <= options.Grace) return false;
        logger.LogWarning("Bỏ qua nhắc quá cũ {Key} (lẽ ra gửi lúc {FireAt})", db.Pseudonyms.Of(key), fireAt);
        return true;
    }

    /// <summary>What the console says at start when the clock is behind what the database has covered; null when it is not.</summary>
    public string? Notice { get; private set; }

    /// <summary>
    /// The clock is before what this database already covered. A simulation set earlier is a new simulation: its
    /// reminders start again from now (under keys of their own, so the last one's sent reminders do not silence them).
    /// Real time that went back sends nothing twice and says so.
    /// </summary>
    private int Behind(ReminderRun run, DateTimeOffset covered, DateTimeOffset now)
    {
        if (options.Simulated)
        {
            db.ReminderRuns.Upsert(new ReminderRun { Id = run.Id, CoveredUntil = now.UtcDateTime, Simulation = run.Simulation + 1 });
            Notice = $"Đồng hồ chạy thử ({Local(now)}) sớm hơn lần chạy thử trước trên cơ sở dữ liệu này (đã nhắc tới {Local(covered)}): bắt đầu lại nhắc hạn từ thời điểm này. Nhắc hạn theo giờ thật không bị ảnh hưởng.";
            logger.LogWarning("{Notice}", Notice);
            return 0;
        }
        if (Notice is null)
        {
            Notice = $"Đồng hồ hệ thống ({Local(now)}) sớm hơn thời điểm cơ sở dữ liệu đã nhắc tới ({Local(covered)}): nhắc hạn trước thời điểm đó đã gửi, không gửi lại; nhắc mới chạy tiếp khi đồng hồ vượt qua thời điểm đó. Kiểm tra giờ của máy chủ.";
            logger.LogWarning("{Notice}", Notice);
        }
        return 0;
    }

    private static string Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Time.LocalClock.VietnamZone).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A simulation's reminders are its own: the same deadline reminded in two demos is two messages.</summary>
    private string KeyOf(string key, ReminderRun run) => options.Simulated ? $"{key}@{run.Simulation}" : key;

    /// <summary>Runs come every minute: a reminder sent within this of its moment is on time.</summary>
    private static readonly TimeSpan OnTime = TimeSpan.FromMinutes(15);
}
