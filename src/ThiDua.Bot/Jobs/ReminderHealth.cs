using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;
using ThiDua.Core.Time;

namespace ThiDua.Bot.Jobs;

/// <summary>When the reminder run last happened (the Quartz job, or the catch-up at start).</summary>
public sealed class ReminderHeartbeat(TimeProvider time)
{
    private long _lastRunTicks = time.GetUtcNow().UtcTicks;

    /// <summary>Start-up counts as a run: the catch-up covers everything due until then.</summary>
    public DateTimeOffset LastRun => new(Interlocked.Read(ref _lastRunTicks), TimeSpan.Zero);

    public void Ran() => Interlocked.Exchange(ref _lastRunTicks, time.GetUtcNow().UtcTicks);
}

/// <summary>
/// Not ready when the reminder job missed its slot: the next cron time after its last run is more than
/// <see cref="Slack"/> behind the clock (a stuck job, a stopped scheduler), so 08:00 reminders would not go out.
/// </summary>
internal sealed class ReminderHealth(ReminderHeartbeat heartbeat, ReminderCron cron, TimeProvider time) : IHealthCheck
{
    /// <summary>Quartz's own misfire threshold is a minute; a slot fires late by at most that plus the run itself.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = heartbeat.LastRun;
        var due = new CronExpression(cron.Expression, LocalClock.VietnamZone).GetNextValidTimeAfter(last);
        var now = time.GetUtcNow();
        var when = $"lần chạy gần nhất {last:yyyy-MM-dd HH:mm:ss} UTC";
        return Task.FromResult(due is { } next && now - next > Slack
            ? HealthCheckResult.Unhealthy($"nhắc hạn không chạy đúng lịch '{cron.Expression}': {when}, lẽ ra chạy lúc {next:yyyy-MM-dd HH:mm:ss} UTC")
            : HealthCheckResult.Healthy($"nhắc hạn chạy theo lịch '{cron.Expression}', {when}"));
    }
}

/// <summary>The Reminders:Cron in force (checked at start).</summary>
public sealed record ReminderCron(string Expression);
