using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Channels;

/// <summary>The first steps of every webhook post: the secret header compared in constant time (else 401, nothing read), then the JSON body.</summary>
internal static class WebhookRequest
{
    /// <summary>The posted JSON, or null when the request was refused (401 set) or is not JSON (logged; 200 so it is not resent forever).</summary>
    public static async Task<JsonElement?> ReadAsync(HttpContext context, string header, byte[] secret, string channel, ILogger logger)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers[header].ToString()), secret))
        {
            logger.LogWarning("Webhook {Channel}: từ chối yêu cầu sai mã bí mật từ {Remote}", channel, context.Connection.RemoteIpAddress);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            logger.LogWarning("Webhook {Channel}: bỏ qua nội dung không phải JSON", channel);
            return null;
        }
    }
}
