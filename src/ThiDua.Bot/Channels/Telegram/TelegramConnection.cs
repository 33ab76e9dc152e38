using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// The bot's Telegram.Bot client and who the bot is. The client's own 429 retry is switched off on purpose: the
/// outbox must see every flood limit to pace all chats, not have one request sleep through it. The HttpClient is
/// our own, without the factory's request logging, because the token is part of every request path.
/// </summary>
public sealed class TelegramConnection : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _requestBase;

    public TelegramConnection(TelegramOptions options)
    {
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            // Long polls wait up to PollTimeoutSeconds on the server; the client waits a little longer.
            Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + options.RequestTimeoutSeconds),
        };
        var clientOptions = new TelegramBotClientOptions(options.Token, options.ApiBaseUrl == TelegramOptions.PublicApi ? null : options.ApiBaseUrl)
        {
            RetryCount = 0,
            RetryThreshold = 0,
        };
        _requestBase = clientOptions.BaseRequestUrl;
        Client = new TelegramBotClient(clientOptions, _http);
        Options = options;
    }

    public ITelegramBotClient Client { get; }
    public TelegramOptions Options { get; }
    public long BotId { get; private set; }
    public string BotUsername { get; private set; } = "";

    public void Identify(User me)
    {
        BotId = me.Id;
        BotUsername = me.Username ?? "";
    }

    /// <summary>
    /// getUpdates, read one update at a time: an update this library cannot read must not make the whole batch
    /// unreadable and stall polling. Entries without an update id are dropped here (nothing could confirm them).
    /// </summary>
    public async Task<List<(long Id, JsonElement Raw)>> GetUpdatesAsync(long offset, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["offset"] = offset,
            ["limit"] = 100,
            ["timeout"] = Options.PollTimeoutSeconds,
            ["allowed_updates"] = new JsonArray("message", "callback_query", "my_chat_member"),
        };
        using var response = await _http.PostAsJsonAsync($"{_requestBase}/getUpdates", body, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var code = root.TryGetProperty("error_code", out var c) && c.TryGetInt32(out var n) ? n : (int)response.StatusCode;
            var description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : response.ReasonPhrase ?? "";
            var retryAfter = root.TryGetProperty("parameters", out var p) && p.TryGetProperty("retry_after", out var r) && r.TryGetInt32(out var s) ? s : (int?)null;
            throw new ApiRequestException(description, code, retryAfter is null ? null : new ResponseParameters { RetryAfter = retryAfter });
        }
        var updates = new List<(long, JsonElement)>();
        foreach (var raw in root.GetProperty("result").EnumerateArray())
            if (raw.TryGetProperty("update_id", out var idElement) && idElement.TryGetInt64(out var id)) updates.Add((id, raw.Clone()));
        return updates;
    }

    public void Dispose() => _http.Dispose();
}
