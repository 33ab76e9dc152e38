using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Reminders;

/// <summary>
/// Enqueues the reminders due over (covered until, now] into the outbox, once each. Quartz fires it on real time,
/// the scripted clock calls it directly; the window comes from the database, so a missed slot is never lost and
/// an overlapping run never doubles. After downtime, reminders older than the grace period are skipped and logged.
/// </summary>
public sealed class ReminderService(BotDatabase db, KnowledgeProvider knowledge, ReminderOptions options, ILogger<ReminderService> logger)
{
    private readonly Lock _runLock = new();

    /// <param name="now">The instant to catch up to.</param>
    /// <param name="afterDowntime">True at start-up: the service was not running, so grace applies.</param>
    public int Run(DateTimeOffset now, bool afterDowntime)
    {
        lock (_runLock)
        {
            var run = db.ReminderRuns.FindById("reminders");
            if (run is null)
            {
                // A new database starts its reminders from now: nothing from before it existed is sent.
                db.ReminderRuns.Upsert(new ReminderRun { CoveredUntil = now.UtcDateTime });
                return 0;
            }
            var from = new DateTimeOffset(DateTime.SpecifyKind(run.CoveredUntil, DateTimeKind.Utc));
            if (now <= from) return 0;
            var due = ReminderPlanner.Due(db.Follows.FindAll().ToList(), knowledge.Current, options, from, now).OrderBy(r => r.FireAt).ToList();
            return db.InTransaction(() =>
            {
                var enqueued = 0;
                foreach (var reminder in due)
                {
                    if (Missed(reminder.Key, reminder.FireAt, now, afterDowntime, out var late) || db.Outbox.FindById(reminder.Key) is not null) continue;
                    db.Outbox.Insert(ToMessage(reminder, ReminderText.Compose(reminder, db, late), late, now));
                    enqueued++;
                }
                var fromUtc = from.UtcDateTime;
                var nowUtc = now.UtcDateTime;
                foreach (var personal in db.PersonalReminders.Find(r => r.FireAt > fromUtc && r.FireAt <= nowUtc))
                {
                    var key = $"p|{personal.Id}";
                    var fireAt = new DateTimeOffset(DateTime.SpecifyKind(personal.FireAt, DateTimeKind.Utc));
                    if (Missed(key, fireAt, now, afterDowntime, out var late) || db.Outbox.FindById(key) is not null) continue;
                    var reply = new Reply($"⏰ Nhắc việc: {personal.What}" + (late ? "\n" + ReminderText.LateNote : ""))
                    {
                        Buttons = [[new Button("Các nhắc của tôi", "x|list")]],
                    };
                    db.Outbox.Insert(OutboxWriter.FromReply(key, personal.Channel, personal.ChatId, reply, fireAt, now, late));
                    enqueued++;
                }
                db.ReminderRuns.Upsert(new ReminderRun { CoveredUntil = now.UtcDateTime });
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
        late = afterDowntime && fireAt < now;
        if (!late || now - fireAt <= options.Grace) return false;
        logger.LogWarning("Bỏ qua nhắc quá cũ {Key} (lẽ ra gửi lúc {FireAt})", key, fireAt);
        return true;
    }

    private static OutboxMessage ToMessage(DueReminder r, Reply reply, bool late, DateTimeOffset now) =>
        OutboxWriter.FromReply(r.Key, r.Follow.Channel, r.Follow.ChatId, reply, r.FireAt, now, late);
}
