using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// Telegram posts each update here. Without the right secret header the request gets 401 and nothing is read.
/// An accepted update is stored in the inbox before the 200, so Telegram's retry of an unanswered post is
/// handled once and a crash after the 200 loses nothing.
/// </summary>
public sealed class TelegramWebhook(TelegramConnection connection, TelegramInbox inbox, TelegramInboxWorker worker, ILogger<TelegramWebhook> logger) : IWebEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(connection.Options.WebhookSecret);

    public string Path => connection.Options.WebhookPath;

    public async Task HandleAsync(HttpContext context)
    {
        if (await WebhookRequest.ReadAsync(context, SecretHeader, _secret, "Telegram", logger) is not { } update) return;
        // update_id must be a number: a string one ("abc") is malformed, not a reason to fail with 500 and be resent forever.
        if (update.ValueKind != JsonValueKind.Object || !update.TryGetProperty("update_id", out var idElement)
            || idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt64(out var id))
        {
            logger.LogWarning("Webhook Telegram: bỏ qua cập nhật không có update_id dạng số");
            return;
        }
        try
        {
            if (inbox.Store(id, update)) worker.Notify();
        }
        catch (Exception ex) when (WebhookRequest.IsMalformed(ex))
        {
            WebhookRequest.Malformed(context, "Telegram", logger, ex);
        }
    }
}
