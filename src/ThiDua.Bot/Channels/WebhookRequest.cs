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
        catch (Exception ex) when (IsMalformed(ex))
        {
            logger.LogWarning("Webhook {Channel}: bỏ qua nội dung không phải JSON hợp lệ ({Error})", channel, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// What a delivery's own content can cause (invalid UTF-8, a lone surrogate, a number where text belongs):
    /// answered 400, so the platform stops resending it; a fault of ours (the disk, the database) stays a 500 and is retried.
    /// </summary>
    public static bool IsMalformed(Exception ex) =>
        ex is JsonException or FormatException or InvalidOperationException or ArgumentException or DecoderFallbackException or UriFormatException;

    public static void Malformed(HttpContext context, string channel, ILogger logger, Exception ex)
    {
        logger.LogWarning(ex, "Webhook {Channel}: bỏ qua cập nhật không đọc được", channel);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
