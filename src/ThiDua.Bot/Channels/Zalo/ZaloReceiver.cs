using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// Checks the token (getMe), then registers the webhook or polls getUpdates. Network faults back off and retry;
/// the loop never dies; a refused token stops the bot with a clear message.
/// </summary>
public sealed class ZaloReceiver(ZaloApi api, ZaloProcessor processor, IHostApplicationLifetime lifetime, Hosting.ExitStatus exit, TimeProvider time, ILogger<ZaloReceiver> logger, Hosting.ChannelStatus status) : BackgroundService
{
    private const string Name = "zalo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await RetryAsync(async ct => await api.GetMeAsync(ct), stoppingToken);
            status.Connected(Name);
            if (api.Options.UsesWebhook)
            {
                await RetryAsync(async ct => await api.SetWebhookAsync(api.Options.WebhookUrl, api.Options.WebhookSecret, ct), stoppingToken);
                status.Connected(Name);
                logger.LogInformation("Zalo: nhận sự kiện qua webhook (đường dẫn {Path})", api.Options.WebhookPath);
                return;
            }
            await RetryAsync(async ct => await api.DeleteWebhookAsync(ct), stoppingToken);
            logger.LogInformation("Zalo: nhận sự kiện bằng getUpdates");
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (ZaloApiException e) when (e.ErrorCode is 401 or 404)
        {
            logger.LogCritical("Zalo từ chối Zalo:Token ({Code}). Kiểm tra token do Zalo Bot Creator cấp; bot dừng.", e.ErrorCode);
            status.Refused(Name, e.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            exit.Code = 4;
            lifetime.StopApplication();
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var lastPrune = time.GetUtcNow();
        var poll = Retry();
        while (!stoppingToken.IsCancellationRequested)
        {
            await poll.ExecuteAsync(async ct =>
            {
                var update = await api.GetUpdatesAsync(ct);
                status.Connected(Name);
                if (update is { } received) await processor.HandleAsync(received, ct);
                if (time.GetUtcNow() - lastPrune > TimeSpan.FromHours(1))
                {
                    processor.PruneSeen();
                    lastPrune = time.GetUtcNow();
                }
            }, stoppingToken);
        }
    }

    private async Task RetryAsync(Func<CancellationToken, Task> call, CancellationToken stoppingToken) =>
        await Retry().ExecuteAsync(async ct => await call(ct), stoppingToken);

    /// <summary>Doubling waits up to a minute. Only the error's type and Zalo's own words are logged: addresses carry the token.</summary>
    private Polly.ResiliencePipeline Retry() => ChannelRetry.UntilDone(
        e => e is ZaloApiException { ErrorCode: 401 or 404 },
        _ => null,
        (e, wait) =>
        {
            status.Retrying(Name, e is ZaloApiException { ErrorCode: var code } ? $"{e.GetType().Name} {code}" : e.GetType().Name);
            logger.LogWarning("Zalo lỗi ({Error}); thử lại sau {Seconds} giây", e is ZaloApiException z ? $"{z.ErrorCode} {z.Description}" : e.GetType().Name, wait.TotalSeconds);
        },
        time);
}
