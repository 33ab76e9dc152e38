using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// Zalo posts each event here. The secret header is compared in constant time; a wrong or missing one gets 401
/// and nothing is read. The event is handled (and its id recorded) before the 200, so a repeat is answered once.
/// </summary>
public sealed class ZaloWebhook(ZaloApi api, ZaloProcessor processor, ILogger<ZaloWebhook> logger) : IWebEndpoint
{
    public const string SecretHeader = "X-Bot-Api-Secret-Token";
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(api.Options.WebhookSecret);

    public string Path => api.Options.WebhookPath;

    public async Task HandleAsync(HttpContext context)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers[SecretHeader].ToString()), _secret))
        {
            logger.LogWarning("Webhook Zalo: từ chối yêu cầu sai mã bí mật từ {Remote}", context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        JsonElement payload;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            payload = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            logger.LogWarning("Webhook Zalo: bỏ qua nội dung không phải JSON");
            return;
        }
        await processor.HandleAsync(payload, context.RequestAborted);
    }
}
