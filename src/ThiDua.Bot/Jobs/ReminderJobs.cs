using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using ThiDua.Core.Outbox;
using ThiDua.Core.Reminders;
using ThiDua.Core.Time;

namespace ThiDua.Bot.Jobs;

public static class ReminderJobs
{
    /// <summary>Every minute by default (Reminders:Cron, Quartz syntax), in Vietnamese time whatever the machine's zone.</summary>
    public const string DefaultCron = "0 * * * * ?";

    public static IServiceCollection AddReminderJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var cron = Cron(configuration, "Reminders:Cron", DefaultCron);
        var backupCron = Cron(configuration, "Storage:BackupCron", BackupJob.DefaultCron);
        services.AddQuartz(q =>
        {
            var job = new JobKey("reminders");
            q.AddJob<ReminderJob>(o => o.WithIdentity(job));
            q.AddTrigger(t => t.ForJob(job).WithIdentity("reminders-cron").WithCronSchedule(cron, c => c.InTimeZone(LocalClock.VietnamZone)));
            var backup = new JobKey("backup");
            q.AddJob<BackupJob>(o => o.WithIdentity(backup));
            q.AddTrigger(t => t.ForJob(backup).WithIdentity("backup-cron").WithCronSchedule(backupCron, c => c.InTimeZone(LocalClock.VietnamZone)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<ReminderHeartbeat>();
        services.AddSingleton(new ReminderCron(cron));
        services.AddHealthChecks().AddCheck<ReminderHealth>("reminders");
        services.AddHostedService<ReminderCatchUp>();
        services.AddHostedService<OutboxPump>();
        return services;
    }

    /// <summary>A configured Quartz cron expression, or the default; a malformed one stops start-up with its name.</summary>
    private static string Cron(IConfiguration configuration, string key, string fallback)
    {
        var cron = configuration[key] is { Length: > 0 } configured ? configured : fallback;
        try
        {
            _ = new CronExpression(cron);
            return cron;
        }
        catch (FormatException ex)
        {
            throw new Hosting.StartupException($"{key} '{cron}' không phải biểu thức cron của Quartz (ví dụ {fallback}): {ex.Message}");
        }
    }
}

/// <summary>
/// Sends from the outbox as soon as something is enqueued, and every quarter second: retries come due, and paced
/// fan-outs drain at the channel's rate.
/// </summary>
internal sealed class OutboxPump(OutboxDispatcher outbox, TimeProvider time, Microsoft.Extensions.Logging.ILogger<OutboxPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await outbox.DispatchDueAsync(stoppingToken);
                await outbox.WaitForWorkAsync(TimeSpan.FromMilliseconds(250), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The pump must not die: a broken database read is logged and tried again.
                Microsoft.Extensions.Logging.LoggerExtensions.LogError(logger, ex, "Gửi từ hàng đợi lỗi, thử lại sau");
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
            }
        }
    }
}

/// <summary>At start-up, after downtime: send what was missed within the grace period, skip and log the rest.</summary>
internal sealed class ReminderCatchUp(ReminderService reminders, OutboxDispatcher outbox, ReminderHeartbeat heartbeat, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        reminders.Run(time.GetUtcNow(), afterDowntime: true);
        heartbeat.Ran();
        try
        {
            await outbox.DispatchDueAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while starting: what was enqueued stays in the outbox for the next start.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
