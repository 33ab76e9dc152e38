using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>The fake driven with plain HttpClient and System.Text.Json, the way the Zalo channel talks to the real API.</summary>
public class FakeZaloServerTests
{
    private sealed record Answer(HttpStatusCode Status, string Text, JsonObject Json)
    {
        public JsonNode Result => Json["result"]!;
    }

    private static async Task<Answer> CallAsync(HttpClient http, FakeZaloServer server, string method, JsonObject? body = null, string? token = null)
    {
        using var content = new StringContent((body ?? []).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"{server.BaseUrl}/bot{token ?? server.Token}/{method}"), content);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(response.StatusCode, text, JsonNode.Parse(text)!.AsObject());
    }

    private static JsonObject Send(string chatId, string text) => new() { ["chat_id"] = chatId, ["text"] = text };

    private static JsonObject Poll(string timeout) => new() { ["timeout"] = timeout };

    [Fact]
    public async Task GetMe_answers_with_the_bot_account()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();

        var me = await CallAsync(http, server, "getMe");

        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("""{"ok":true,"result":{"id":"1459232241454765289","account_name":"bot.thidua","account_type":"BASIC","can_join_groups":false}}""", me.Text);
        Assert.Equal("getMe", Assert.Single(server.Calls).Method);
    }

    [Fact]
    public async Task GetUpdates_hands_out_one_event_per_call_wakes_on_a_new_event_and_answers_408_when_empty()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        var photoUrl = server.HostFile("anh.jpg", [0xFF, 0xD8, 0xFF, 0xD9]);
        var first = server.EnqueueText("u1", "u1", "Xin chào", displayName: "Nguyễn Lan");
        var second = server.EnqueueImage("g1", "u2", photoUrl, "Ảnh thi đua", messageId: "m-2");

        var a = await CallAsync(http, server, "getUpdates", Poll("30"));
        var b = await CallAsync(http, server, "getUpdates", Poll("30"));

        Assert.Matches("^[0-9a-f]{20}$", first);
        Assert.Equal("m-2", second);
        Assert.Equal("message.text.received", a.Result["event_name"]!.GetValue<string>());
        var message = a.Result["message"]!;
        Assert.Equal((first, "u1", "PRIVATE"), (message["message_id"]!.GetValue<string>(), message["chat"]!["id"]!.GetValue<string>(), message["chat"]!["chat_type"]!.GetValue<string>()));
        Assert.Equal(("u1", "Nguyễn Lan", false), (message["from"]!["id"]!.GetValue<string>(), message["from"]!["display_name"]!.GetValue<string>(), message["from"]!["is_bot"]!.GetValue<bool>()));
        Assert.Equal("Xin chào", message["text"]!.GetValue<string>());
        Assert.InRange(message["date"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Contains("Xin chào", a.Text, StringComparison.Ordinal);                  // UTF-8, not \u escapes
        Assert.Equal("message.image.received", b.Result["event_name"]!.GetValue<string>());
        Assert.Equal(("m-2", "GROUP", photoUrl, "Ảnh thi đua"), (b.Result["message"]!["message_id"]!.GetValue<string>(),
            b.Result["message"]!["chat"]!["chat_type"]!.GetValue<string>(), b.Result["message"]!["photo_url"]!.GetValue<string>(), b.Result["message"]!["caption"]!.GetValue<string>()));
        Assert.Equal(0, server.PendingEventCount);

        // The webhook form has the same message, wrapped or bare.
        var wrapped = JsonNode.Parse(FakeZaloServer.EventJson("u1", "u1", "Xin chào", "m-9", wrapped: true))!;
        var bare = JsonNode.Parse(FakeZaloServer.EventJson("u1", "u1", "Xin chào", "m-9", wrapped: false))!;
        Assert.True(wrapped["ok"]!.GetValue<bool>());
        Assert.Equal(message.AsObject().Select(kv => kv.Key), wrapped["result"]!["message"]!.AsObject().Select(kv => kv.Key));
        Assert.Equal("m-9", bare["message"]!["message_id"]!.GetValue<string>());

        var clock = Stopwatch.StartNew();
        var poll = CallAsync(http, server, "getUpdates", Poll("29"));
        await server.WaitForWaitingPollAsync();
        server.EnqueueSticker("u1", "u1");
        var late = await poll;
        Assert.Equal("message.sticker.received", late.Result["event_name"]!.GetValue<string>());
        Assert.NotNull(late.Result["message"]!["sticker"]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"the long poll took {clock.Elapsed}");

        clock.Restart();
        var empty = await CallAsync(http, server, "getUpdates", Poll("30"));          // capped at 2 s
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Equal("""{"ok":false,"error_code":408,"description":"Request timeout"}""", empty.Text);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task SendMessage_takes_1_to_2000_characters_and_is_recorded()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        var longest = new string('đ', 2000);

        var ok = await CallAsync(http, server, "sendMessage", Send("u1", longest));
        var tooLong = await CallAsync(http, server, "sendMessage", Send("u1", longest + "!"));
        var empty = await CallAsync(http, server, "sendMessage", Send("u1", ""));
        var typing = await CallAsync(http, server, "sendChatAction", new JsonObject { ["chat_id"] = "u1", ["action"] = "typing" });

        Assert.Matches("^[0-9a-f]{20}$", ok.Result["message_id"]!.GetValue<string>());
        Assert.InRange(ok.Result["date"]!.GetValue<long>(), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal("""{"ok":false,"error_code":400,"description":"text length must be between 1 and 2000"}""", tooLong.Text);
        Assert.Equal(400, empty.Json["error_code"]!.GetValue<int>());
        Assert.Equal("""{"ok":true}""", typing.Text);
        var sent = await server.WaitForMessageAsync(m => m.ChatId == "u1");
        Assert.Equal(("sendMessage", ok.Result["message_id"]!.GetValue<string>(), longest), (sent.Method, sent.MessageId, sent.Text));
        Assert.Single(server.Messages);
        Assert.Equal([null, "text length must be between 1 and 2000", "text length must be between 1 and 2000", null], server.Calls.Select(c => c.FailedWith));
    }

    [Fact]
    public async Task FailNext_DropConnectionNext_and_DelayNext_reach_the_client()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        await CallAsync(http, server, "getMe");                 // a pooled connection, like a bot that has been running
        server.FailNext("sendMessage", 500, 500, "Internal server error");
        server.DropConnectionNext("sendMessage");

        var failed = await CallAsync(http, server, "sendMessage", Send("u1", "một"));
        await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync(http, server, "sendMessage", Send("u1", "hai")));
        var ok = await CallAsync(http, server, "sendMessage", Send("u1", "ba"));
        server.DropConnectionNext("sendMessage", afterHandling: true);             // sent, but the answer is lost
        await Assert.ThrowsAsync<HttpRequestException>(() => CallAsync(http, server, "sendMessage", Send("u1", "bốn")));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal("""{"ok":false,"error_code":500,"description":"Internal server error"}""", failed.Text);
        Assert.True(ok.Json["ok"]!.GetValue<bool>());
        Assert.Equal(["ba", "bốn"], server.Messages.Select(m => m.Text));
        Assert.Equal([null, "Internal server error", "no answer: connection dropped (DropConnectionNext)", null, "no answer: connection dropped after handling (DropConnectionNext)"],
            server.Calls.Select(c => c.FailedWith));

        server.DelayNext("getMe", TimeSpan.FromSeconds(5));
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CallAsync(impatient, server, "getMe"));
        await server.WaitForCallAsync("getMe", c => c.FailedWith is not null, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(http, server, "getMe")).Status);
    }

    [Fact]
    public async Task SendPhoto_fetches_the_url_and_records_the_bytes()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9];
        var url = server.HostFile("bảng xếp hạng.jpg", jpeg);

        var ok = await CallAsync(http, server, "sendPhoto", new JsonObject { ["chat_id"] = "u1", ["photo"] = url, ["caption"] = "Tuần 12" });
        var missing = await CallAsync(http, server, "sendPhoto", new JsonObject { ["chat_id"] = "u1", ["photo"] = server.BaseUrl + "/media/khong-co.jpg" });
        var longCaption = await CallAsync(http, server, "sendPhoto", new JsonObject { ["chat_id"] = "u1", ["photo"] = url, ["caption"] = new string('x', 2001) });

        var sent = await server.WaitForMessageAsync(m => m.Method == "sendPhoto" && m.Caption == "Tuần 12");
        Assert.Equal(ok.Result["message_id"]!.GetValue<string>(), sent.MessageId);
        Assert.Equal((url, true, (string?)null), (sent.PhotoUrl, sent.PhotoFetched, sent.Text));
        Assert.Equal(jpeg, sent.PhotoBytes);
        Assert.Equal(1, server.DownloadsOf("bảng xếp hạng.jpg"));
        Assert.True(missing.Json["ok"]!.GetValue<bool>());                            // accepted; the test sees the link was dead
        Assert.Equal((false, (byte[]?)null), (server.Messages[1].PhotoFetched, server.Messages[1].PhotoBytes));
        Assert.Equal(HttpStatusCode.BadRequest, longCaption.Status);
        Assert.Equal(2, server.Messages.Count);
    }

    [Fact]
    public async Task A_wrong_token_is_401_and_an_unknown_method_404()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();

        var wrong = await CallAsync(http, server, "getMe", token: "1459232241454765289:wrong-token");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("""{"ok":false,"error_code":401,"description":"Unauthorized"}""", wrong.Text);
        Assert.Empty(server.Calls);

        var unknown = await CallAsync(http, server, "sendDice");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", unknown.Text);
    }

    [Fact]
    public async Task While_a_webhook_is_set_getUpdates_answers_409()
    {
        await using var server = await FakeZaloServer.StartAsync();
        using var http = new HttpClient();
        var hook = new JsonObject { ["url"] = "https://thidua.example/zalo/webhook", ["secret_token"] = "s3cret-token" };

        var shortSecret = await CallAsync(http, server, "setWebhook", new JsonObject { ["url"] = "https://thidua.example/zalo/webhook", ["secret_token"] = "short" });
        var plainHttp = await CallAsync(http, server, "setWebhook", new JsonObject { ["url"] = "http://thidua.example/zalo/webhook", ["secret_token"] = "s3cret-token" });
        var set = await CallAsync(http, server, "setWebhook", hook);
        var info = await CallAsync(http, server, "getWebhookInfo");
        server.EnqueueText("u1", "u1", "/start");
        var conflict = await CallAsync(http, server, "getUpdates", Poll("30"));

        Assert.Equal((400, 400), (shortSecret.Json["error_code"]!.GetValue<int>(), plainHttp.Json["error_code"]!.GetValue<int>()));
        Assert.Equal("https://thidua.example/zalo/webhook", set.Result["url"]!.GetValue<string>());
        Assert.True(set.Result["updated_at"]!.GetValue<long>() > 0);
        Assert.Equal(("https://thidua.example/zalo/webhook", "s3cret-token"), (server.WebhookUrl, server.WebhookSecret));
        Assert.Equal("https://thidua.example/zalo/webhook", info.Result["url"]!.GetValue<string>());
        Assert.Equal("""{"ok":false,"error_code":409,"description":"Webhook is active"}""", conflict.Text);
        Assert.Equal(1, server.PendingEventCount);

        var deleted = await CallAsync(http, server, "deleteWebhook");
        var update = await CallAsync(http, server, "getUpdates", Poll("30"));

        Assert.Equal("", deleted.Result["url"]!.GetValue<string>());
        Assert.Null(server.WebhookUrl);
        Assert.Equal("/start", update.Result["message"]!["text"]!.GetValue<string>());
    }
}
