using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
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
                    var late = afterDowntime && reminder.FireAt < now;
                    if (late && now - reminder.FireAt > options.Grace)
                    {
                        logger.LogWarning("Bỏ qua nhắc hạn quá cũ {Key} (lẽ ra gửi lúc {FireAt})", reminder.Key, reminder.FireAt);
                        continue;
                    }
                    if (db.Outbox.FindById(reminder.Key) is not null) continue;
                    db.Outbox.Insert(ToMessage(reminder, ReminderText.Compose(reminder, db, late), late, now));
                    enqueued++;
                }
                var fromUtc = from.UtcDateTime;
                var nowUtc = now.UtcDateTime;
                foreach (var personal in db.PersonalReminders.Find(r => r.FireAt > fromUtc && r.FireAt <= nowUtc))
                {
                    var key = $"p|{personal.Id}";
                    var fireAt = new DateTimeOffset(DateTime.SpecifyKind(personal.FireAt, DateTimeKind.Utc));
                    var late = afterDowntime && now - fireAt > TimeSpan.FromMinutes(1);
                    if (late && now - fireAt > options.Grace || db.Outbox.FindById(key) is not null) continue;
                    db.Outbox.Insert(new OutboxMessage
                    {
                        Key = key,
                        Channel = personal.Channel,
                        ChatId = personal.ChatId,
                        DueAt = personal.FireAt,
                        CreatedAt = nowUtc,
                        Late = late,
                        Text = $"⏰ Nhắc việc: {personal.What}" + (late ? "\n(Nhắc muộn: hệ thống tạm dừng vào giờ nhắc.)" : ""),
                        Buttons = [[new OutboxButton { Text = "Các nhắc của tôi", Data = "x|list" }]],
                    });
                    enqueued++;
                }
                db.ReminderRuns.Upsert(new ReminderRun { CoveredUntil = now.UtcDateTime });
                return enqueued;
            });
        }
    }

    private static OutboxMessage ToMessage(DueReminder r, Reply reply, bool late, DateTimeOffset now) => new()
    {
        Key = r.Key,
        Channel = r.Follow.Channel,
        ChatId = r.Follow.ChatId,
        Text = reply.Text,
        Buttons = [.. reply.Buttons.Select(row => row.Select(b => new OutboxButton { Text = b.Text, Data = b.Data }).ToList())],
        DueAt = r.FireAt.UtcDateTime,
        CreatedAt = now.UtcDateTime,
        Late = late,
    };
}
