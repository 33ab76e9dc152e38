using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using ThiDua.Core.Conversations;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// Connects to Telegram (who am I, the command menu), then either long-polls getUpdates and handles each batch
/// before asking for the next, or registers the webhook. Network faults back off and retry; the loop never dies. A refused token stops the bot.
/// </summary>
public sealed class TelegramReceiver(
    TelegramConnection connection,
    TelegramInbox inbox,
    TelegramProcessor processor,
    IHostApplicationLifetime lifetime,
    Hosting.ExitStatus exit,
    TimeProvider time,
    ILogger<TelegramReceiver> logger,
    Hosting.ChannelStatus status) : BackgroundService
{
    private const string Name = "telegram";
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await RetryAsync("kết nối Telegram", ConnectAsync, stoppingToken);
            // getMe answered: the token works and Telegram is reachable.
            status.Connected(Name);
            if (connection.Options.UsesWebhook)
            {
                var options = connection.Options;
                await RetryAsync("đăng ký webhook", ct => connection.Client.SetWebhook(options.WebhookUrl, secretToken: options.WebhookSecret, allowedUpdates: Wanted, cancellationToken: ct), stoppingToken);
                status.Connected(Name);
                logger.LogInformation("Telegram: nhận cập nhật qua webhook (đường dẫn {Path})", options.WebhookPath);
                return;
            }
            await RetryAsync("tắt webhook cũ", ct => connection.Client.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct), stoppingToken);
            logger.LogInformation("Telegram: @{Bot} nhận cập nhật bằng long polling", connection.BotUsername);
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
        {
            logger.LogCritical("Telegram từ chối Telegram:Token ({Code}). Kiểm tra token do BotFather cấp; bot dừng.", ex.ErrorCode);
            status.Refused(Name, ex.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            exit.Code = 3;
            lifetime.StopApplication();
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        connection.Identify(await connection.Client.GetMe(cancellationToken));
        try
        {
            await connection.Client.SetMyCommands(Commands.Menu.Select(c => new BotCommand(c.Command, c.Description)), cancellationToken: cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            // The menu is a convenience: the bot works without it.
            logger.LogWarning("Không đặt được menu lệnh Telegram ({Code} {Description})", ex.ErrorCode, ex.Message);
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var poll = Retry("nhận cập nhật");
        while (!stoppingToken.IsCancellationRequested)
        {
            await poll.ExecuteAsync(async ct =>
            {
                var updates = await connection.GetUpdatesAsync(inbox.Offset, ct);
                status.Connected(Name);
                var receivedAt = time.GetUtcNow().UtcDateTime;
                // Handled before the next poll; the offset moves with the replies, slice by slice.
                await processor.HandleAsync([.. updates.Select(u => ReceivedUpdate.From(u.Id, u.Raw, receivedAt))], inbox.CommitPolled, ct);
            }, stoppingToken);
        }
    }

    /// <summary>Runs a start-up call, waiting and trying again on network faults; a refused token is not retried.</summary>
    private async Task RetryAsync(string what, Func<CancellationToken, Task> call, CancellationToken stoppingToken) =>
        await Retry(what).ExecuteAsync(async ct => await call(ct), stoppingToken);

    /// <summary>Doubling waits up to a minute; a 429 waits what Telegram says. Only the error's type is logged: messages may quote addresses.</summary>
    private Polly.ResiliencePipeline Retry(string what) => ChannelRetry.UntilDone(
        e => e is ApiRequestException { ErrorCode: 401 or 404 },
        e => e is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds } ? TimeSpan.FromSeconds(seconds) : null,
        (e, wait) =>
        {
            status.Retrying(Name, e is ApiRequestException { ErrorCode: var code } ? $"{e.GetType().Name} {code}" : e.GetType().Name);
            logger.LogWarning("Chưa {What} được: Telegram lỗi ({Error}{Code}); thử lại sau {Seconds} giây", what, e.GetType().Name,
                e is ApiRequestException api ? $" {api.ErrorCode} {api.Message}" : "", wait.TotalSeconds);
        },
        time);
}
