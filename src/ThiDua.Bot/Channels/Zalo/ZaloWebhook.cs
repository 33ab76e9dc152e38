using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// Zalo posts each event here. The secret header is compared in constant time; a wrong or missing one gets 401
/// and nothing is read. The event is handled (and its id recorded) before the 200, so a repeat is answered once; one
/// the adapter fails on is kept in /loi (answered 200 too: a resend would only fail again), 500 only when it could not be kept.
/// </summary>
public sealed class ZaloWebhook(ZaloApi api, ZaloProcessor processor, ILogger<ZaloWebhook> logger) : IWebEndpoint
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(api.Options.WebhookSecret);

    public string Path => api.Options.WebhookPath;

    public async Task HandleAsync(HttpContext context)
    {
        if (await WebhookRequest.ReadAsync(context, SecretHeader, _secret, "Zalo", logger) is not { } payload) return;
        try
        {
            await processor.HandleAsync(payload, context.RequestAborted);
        }
        catch (Exception ex) when (WebhookRequest.IsMalformed(ex))
        {
            WebhookRequest.Malformed(context, "Zalo", logger, ex);
        }
    }
}
