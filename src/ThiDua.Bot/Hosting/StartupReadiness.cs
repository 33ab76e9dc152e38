using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// With Telegram or Zalo, the /readyz summary is logged once the channels have had their first answer (or after
/// <see cref="Settle"/>): a warning when something is not ready, so it shows even in the quiet default log level.
/// </summary>
internal sealed class StartupReadiness(HealthCheckService checks, ChannelStatus channels, TimeProvider time, ILogger<StartupReadiness> logger) : BackgroundService
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await channels.SettledAsync(stoppingToken).WaitAsync(Settle, time, stoppingToken);
        }
        catch (TimeoutException)
        {
            // Still connecting after the settle time: that is what the summary will say.
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var report = await checks.CheckHealthAsync(stoppingToken);
        if (report.Status == HealthStatus.Unhealthy) logger.LogWarning("Chưa sẵn sàng / not ready: {Summary}", HealthWeb.Summary(report));
        else logger.LogInformation("Sẵn sàng / ready: {Summary}", HealthWeb.Summary(report));
    }
}
