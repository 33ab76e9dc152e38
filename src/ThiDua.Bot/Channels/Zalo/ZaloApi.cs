using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>An error the Zalo API answered, or a failure to reach it. Its message never holds the request address (the token is in it).</summary>
public sealed class ZaloApiException(int errorCode, string description, bool mayHaveArrived = false) : Exception($"Zalo {errorCode}: {description}")
{
    public int ErrorCode { get; } = errorCode;
    public string Description { get; } = description;
    /// <summary>True when a send may have reached Zalo (a timeout, a connection cut after sending): repeating it could duplicate.</summary>
    public bool MayHaveArrived { get; } = mayHaveArrived;
}

/// <summary>
/// The Zalo Bot Platform over HttpClient and System.Text.Json (POST &lt;base&gt;/bot&lt;token&gt;/&lt;method&gt;).
/// Resilience differs by kind of call: reads and settings are retried; a long poll is neither retried here nor cut
/// short by a timeout below its own wait; a send is retried only when the request provably never left this
/// machine (connection refused, name not resolved), so a message is never sent twice.
/// </summary>
public sealed class ZaloApi : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _base;
    private readonly ResiliencePipeline _reads;
    private readonly ResiliencePipeline _sends;

    public ZaloApi(ZaloOptions options)
    {
        Options = options;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _base = $"{options.ApiBaseUrl.TrimEnd('/')}/bot{options.Token}";
        _reads = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(500),
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutException>().Handle<ZaloApiException>(e => e.ErrorCode >= 500),
            })
            .AddTimeout(TimeSpan.FromSeconds(15))
            .Build();
        _sends = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(300),
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(e => e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError),
            })
            .AddTimeout(TimeSpan.FromSeconds(20))
            .Build();
    }

    public ZaloOptions Options { get; }

    public Task<JsonElement> GetMeAsync(CancellationToken ct) => ReadAsync("getMe", new JsonObject(), ct);

    public Task<JsonElement> SetWebhookAsync(string url, string secret, CancellationToken ct) =>
        ReadAsync("setWebhook", new JsonObject { ["url"] = url, ["secret_token"] = secret }, ct);

    public Task<JsonElement> DeleteWebhookAsync(CancellationToken ct) => ReadAsync("deleteWebhook", new JsonObject(), ct);

    /// <summary>One long poll: the next event, or null when the wait ended with nothing (Zalo answers 408).</summary>
    public async Task<JsonElement?> GetUpdatesAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The poll's own wait plus a margin: never shorter than what the server may legitimately take.
        timeout.CancelAfter(TimeSpan.FromSeconds(Options.PollTimeoutSeconds + 15));
        try
        {
            return await CallAsync("getUpdates", new JsonObject { ["timeout"] = Options.PollTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) }, timeout.Token);
        }
        catch (ZaloApiException e) when (e.ErrorCode == 408)
        {
            return null;
        }
    }

    public Task<JsonElement> SendMessageAsync(string chatId, string text, CancellationToken ct) =>
        SendAsync("sendMessage", new JsonObject { ["chat_id"] = chatId, ["text"] = text }, ct);

    public Task<JsonElement> SendPhotoAsync(string chatId, string photoUrl, string? caption, CancellationToken ct) =>
        SendAsync("sendPhoto", new JsonObject { ["chat_id"] = chatId, ["photo"] = photoUrl, ["caption"] = caption }, ct);

    /// <summary>"đang soạn": best effort, never retried.</summary>
    public Task<JsonElement> TypingAsync(string chatId, CancellationToken ct) =>
        CallAsync("sendChatAction", new JsonObject { ["chat_id"] = chatId, ["action"] = "typing" }, ct);

    private async Task<JsonElement> ReadAsync(string method, JsonObject body, CancellationToken ct) =>
        await _reads.ExecuteAsync(async token => await CallAsync(method, body, token), ct);

    private async Task<JsonElement> SendAsync(string method, JsonObject body, CancellationToken ct)
    {
        try
        {
            return await _sends.ExecuteAsync(async token => await CallAsync(method, body, token), ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            // Sent, or maybe sent: Zalo may have the message although no answer came back.
            var refused = e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
            throw new ZaloApiException(0, $"không có phản hồi ({e.GetType().Name})", mayHaveArrived: !refused);
        }
    }

    private async Task<JsonElement> CallAsync(string method, JsonObject body, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync($"{_base}/{method}", body, ct);
        if (response.StatusCode == HttpStatusCode.Unauthorized) throw new ZaloApiException(401, "Unauthorized");
        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new ZaloApiException((int)response.StatusCode, "phản hồi không phải JSON");
        }
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            return root.TryGetProperty("result", out var result) ? result : default;
        var code = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int)response.StatusCode;
        var description = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("description", out var d) ? d.ToString() : response.ReasonPhrase ?? "";
        throw new ZaloApiException(code, description);
    }

    public void Dispose() => _http.Dispose();
}
