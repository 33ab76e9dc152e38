using Quartz;
using ThiDua.Core.Outbox;
using ThiDua.Core.Reminders;

namespace ThiDua.Bot.Jobs;

/// <summary>
/// Fired by Quartz on the configured cron, in Asia/Ho_Chi_Minh. Quartz fires a missed slot at most once, so the job
/// asks the database what is due since the last covered instant rather than trusting the slot.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReminderJob(ReminderService reminders, OutboxDispatcher outbox, ReminderHeartbeat heartbeat, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        reminders.Run(time.GetUtcNow(), afterDowntime: false);
        // /readyz: a run that threw is not counted, so a job that keeps failing shows as not ready.
        heartbeat.Ran();
        await outbox.DispatchDueAsync(cancellationToken);
    }
}
