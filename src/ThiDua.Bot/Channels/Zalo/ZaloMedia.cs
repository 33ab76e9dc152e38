using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// Fetches the photos officers send on Zalo, and nothing else: only from Zalo's media hosts (Zalo:MediaHosts),
/// only to public addresses (checked on the address actually connected to, after DNS), no redirects, at most
/// 20 MB and Zalo:MediaTimeoutSeconds. Any other photo_url is refused and logged by host, never fetched.
/// </summary>
public sealed class ZaloMedia : IDisposable
{
    private readonly HttpClient _http;
    private readonly ZaloOptions _options;
    private readonly ILogger<ZaloMedia> _logger;

    public ZaloMedia(ZaloOptions options, MediaAddressRule rule, ILogger<ZaloMedia> logger)
    {
        (_options, _logger) = (options, logger);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, ct) => ConnectAsync(rule, context.DnsEndPoint, ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The photo's bytes and type, or null (logged) when the address is not allowed or the fetch fails.</summary>
    public async Task<(byte[] Content, string? ContentType)?> DownloadAsync(string url, long maxBytes, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !IsMediaHost(uri.IdnHost))
        {
            _logger.LogWarning("Zalo: từ chối tải ảnh từ máy chủ không thuộc Zalo:MediaHosts ({Host})", Host(url));
            return null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.MediaTimeoutSeconds));
        try
        {
            using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode) return Failed(uri, $"HTTP {(int)response.StatusCode}");
            if (response.Content.Headers.ContentLength > maxBytes) return Failed(uri, "quá lớn");
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > maxBytes) return Failed(uri, "quá lớn");
                buffer.Write(chunk, 0, read);
            }
            return (buffer.ToArray(), response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed(uri, "quá thời gian");
        }
        catch (HttpRequestException ex)
        {
            return Failed(uri, ex.InnerException is MediaAddressRefused ? "địa chỉ mạng không được phép" : ex.HttpRequestError.ToString());
        }
    }

    /// <summary>A configured host or one of its subdomains ("zdn.vn" covers "photo-stal.zdn.vn").</summary>
    private bool IsMediaHost(string host) =>
        _options.AllowedMediaHosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    private (byte[] Content, string? ContentType)? Failed(Uri uri, string why)
    {
        _logger.LogWarning("Zalo: không tải ảnh từ {Host}: {Reason}", uri.Host, why);
        return null;
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : "(địa chỉ hỏng)";

    /// <summary>Connects only to addresses the rule allows, whatever the name resolves to (no DNS rebinding around the check).</summary>
    private static async ValueTask<Stream> ConnectAsync(MediaAddressRule rule, DnsEndPoint endpoint, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(rule.Allows).ToArray();
        if (allowed.Length == 0) throw new MediaAddressRefused();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class MediaAddressRefused() : IOException("địa chỉ mạng không được phép");

    public void Dispose() => _http.Dispose();
}
