using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ThiDua.Bot.Channels.Telegram;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// Telegram's side of webhook mode: each update is posted to the bot's webhook with the secret header until the bot
/// answers 2xx, as Telegram does; one chat's updates in order. A bot that is down (killed, starting) is tried again
/// every 200 ms. Update JSON is built here in the Bot API's shape.
/// </summary>
internal sealed class WebhookDelivery(string hook, string secret) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ConcurrentDictionary<long, Channel<string>> _chats = new();
    private readonly List<Task> _workers = [];
    private readonly CancellationTokenSource _stop = new();
    private long _nextUpdateId = 1000;
    private int _retries;
    private int _waiting;

    /// <summary>Posts that were not answered 2xx and were made again.</summary>
    public int Retries => _retries;
    /// <summary>Updates not yet accepted by the bot.</summary>
    public int Waiting => _waiting;

    public void Text(long chat, string text) => Post(chat, Update(chat, new JsonObject
    {
        ["message_id"] = (int)Interlocked.Read(ref _nextUpdateId),
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Lan" },
        ["from"] = User(chat),
        ["text"] = text,
    }, "message"));

    public void Press(long chat, int messageId, string data) => Post(chat, Update(chat, new JsonObject
    {
        ["id"] = "cq" + Interlocked.Read(ref _nextUpdateId),
        ["from"] = User(chat),
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Lan" },
        },
        ["chat_instance"] = "ci" + chat,
        ["data"] = data,
    }, "callback_query"));

    private JsonObject Update(long chat, JsonObject body, string kind) => new() { ["update_id"] = Interlocked.Increment(ref _nextUpdateId), [kind] = body };

    private static JsonObject User(long chat) => new() { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Lan", ["language_code"] = "vi" };

    private void Post(long chat, JsonObject update)
    {
        Interlocked.Increment(ref _waiting);
        var queue = _chats.GetOrAdd(chat, _ =>
        {
            var created = Channel.CreateUnbounded<string>();
            lock (_workers) _workers.Add(Task.Run(() => DeliverAsync(created.Reader)));
            return created;
        });
        queue.Writer.TryWrite(update.ToJsonString());
    }

    private async Task DeliverAsync(ChannelReader<string> updates)
    {
        try
        {
            await foreach (var update in updates.ReadAllAsync(_stop.Token))
            {
                while (!await PostOnceAsync(update))
                {
                    Interlocked.Increment(ref _retries);
                    await Task.Delay(200, _stop.Token);
                }
                Interlocked.Decrement(ref _waiting);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> PostOnceAsync(string update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hook) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, secret);
        try
        {
            using var response = await _http.SendAsync(request, _stop.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var chat in _chats.Values) chat.Writer.TryComplete();
        Task[] workers;
        lock (_workers) workers = [.. _workers];
        await Task.WhenAll(workers);
        _http.Dispose();
        _stop.Dispose();
    }
}
