using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Channels.Telegram;
using ThiDua.Bot.Hosting;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Outbox;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>
/// The whole bot in Telegram mode (real host, real Telegram.Bot client, LiteDB file) against a fake Bot API
/// server on loopback: what an officer does from a phone, and what happens when Telegram misbehaves.
/// </summary>
public sealed class TelegramEndToEndTests : IAsyncLifetime, IDisposable
{
    private const long Officer = 1001;
    private readonly TempDatabase _db = new();
    private FakeTelegramServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeTelegramServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _db.Dispose();

    private Task<ChannelHost> StartBot(string now = "2024-05-01T09:00:00+07:00", params string[] extra) =>
        ChannelHost.StartAsync(_server, _db.Path, now, extra);

    private int _settles;

    /// <summary>
    /// Sends one more command and waits for its answer. A chat's replies go out in order, so whatever the bot would
    /// still have sent for earlier messages has come by then: the answer marks "nothing else happened".
    /// </summary>
    private Task<SentMessage> Settle(long chat, string chatType = "private")
    {
        var marker = $"moc{++_settles}";
        _server.EnqueueText(chat, chat, chatType == "private" ? $"/{marker}" : $"/{marker}@{_server.BotUsername}", chatType: chatType);
        return Reply(chat, $"/{marker}");
    }

    private Task<SentMessage> Reply(long chat, string contains) =>
        _server.WaitForMessageAsync(m => m.ChatId == chat && (m.Text ?? "").Contains(contains, StringComparison.Ordinal));

    private static IEnumerable<JsonNode> Buttons(SentMessage message) =>
        message.ReplyMarkup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray()).Select(b => b!) ?? [];

    private static string Labels(SentMessage message) => string.Join(" | ", Buttons(message).Select(b => b["text"]!.GetValue<string>()));

    private static string Button(SentMessage message, string label) =>
        Buttons(message).First(b => b["text"]!.GetValue<string>().Contains(label, StringComparison.Ordinal))["callback_data"]!.GetValue<string>();

    [Fact]
    public async Task An_officer_asks_presses_a_button_registers_a_nomination_attaches_a_file_and_exports_it()
    {
        await using var bot = await StartBot();
        await _server.WaitForCallAsync("setMyCommands");
        var menu = _server.Calls.First(c => c.Method == "setMyCommands").Parameters["commands"]!;
        var commands = (menu is JsonValue text ? JsonNode.Parse(text.GetValue<string>())! : menu).AsArray();
        Assert.Contains(commands, c => c!["command"]!.GetValue<string>() == "hoso" && c["description"]!.GetValue<string>() == "Hồ sơ đề nghị khen thưởng");

        _server.EnqueueText(Officer, Officer, "/start");
        var welcome = await _server.WaitForMessageAsync(m => m.ChatId == Officer);
        Assert.Equal("HTML", welcome.ParseMode, ignoreCase: true);

        _server.EnqueueText(Officer, Officer, "hs de nghi khen thuong lao cai gom nhung gi");
        var dossier = await Reply(Officer, "Tờ trình");
        Assert.Contains("217/KH-UBND", dossier.Text);
        Assert.NotNull(dossier.ReplyMarkup);

        var pressed = _server.EnqueueCallback(Officer, Officer, dossier.MessageId, Button(dossier, "Các hạn"));
        await _server.WaitForCallAsync("answerCallbackQuery", c => c.Parameters["callback_query_id"]?.GetValue<string>() == _server.CallbackIdOf(pressed));
        await Reply(Officer, "30/6/2024");

        _server.EnqueueText(Officer, Officer, "Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");
        await Reply(Officer, "Họ và tên");
        _server.EnqueueText(Officer, Officer, "Nguyễn Thị Lan");
        await Reply(Officer, "Đơn vị của bạn");
        _server.EnqueueText(Officer, Officer, "UBND xã X");
        var card = await _server.WaitForMessageAsync(m => m.ChatId == Officer && m.ReplyMarkup?.ToJsonString().Contains("f|ok", StringComparison.Ordinal) == true);
        _server.EnqueueCallback(Officer, Officer, card.MessageId, "f|ok");
        await Reply(Officer, "LC-2024-0001");

        _server.EnqueueDocument(Officer, Officer, "to-trinh.pdf", "%PDF-1.4 tờ trình"u8.ToArray(), "application/pdf", caption: "Tờ trình");
        await Reply(Officer, "✅ Tờ trình");

        // A photo of a signed paper counts as a dossier file too.
        _server.EnqueuePhoto(Officer, Officer, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], caption: "Biên bản");
        await Reply(Officer, "✅ Biên bản");

        _server.EnqueueText(Officer, Officer, "/xuat nháp");
        var export = await _server.WaitForMessageAsync(m => m.ChatId == Officer && m.Method == "sendDocument");
        Assert.EndsWith(".xlsx", export.DocumentName);
        Assert.Equal("PK"u8.ToArray(), export.DocumentContent![..2]);

        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(_server.Token, StringComparison.Ordinal) || l.Contains("TEST-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_followed_deadline_is_pushed_after_a_restart_and_updates_are_neither_repeated_nor_dropped()
    {
        await using (var bot = await StartBot("2024-06-20T09:00:00+07:00"))
        {
            _server.EnqueueText(Officer, Officer, "/nhacviec");
            var menu = await Reply(Officer, "Chọn kế hoạch");
            _server.EnqueueCallback(Officer, Officer, menu.MessageId, Button(menu, "Lào Cai"));
            // The menu is redrawn in place, with the plan now ticked.
            var edited = await _server.WaitForMessageAsync(m => m.Method == "editMessageText" && m.MessageId == menu.MessageId);
            Assert.Contains("Đã bật nhắc hạn", edited.Text);
            Assert.Contains("✅", Labels(edited));
        }
        var before = _server.Messages.Count;
        var lastHandled = _server.GetUpdatesOffsets.Max();
        SentMessage settled;

        // Down over the night of 21/6; back at 08:05 on 22/6: the 7-day reminder of the 29/6 report is sent, late-marked.
        await using (var bot = await StartBot("2024-06-22T08:05:00+07:00"))
        {
            var reminder = await Reply(Officer, "còn 7 ngày nữa");
            Assert.Contains("Tắt nhắc", Labels(reminder));
            _server.EnqueueText(Officer, Officer, "/kehoach");
            await _server.WaitForMessageAsync(m => m.ChatId == Officer && m.MessageId > reminder.MessageId);
            settled = await Settle(Officer);
        }
        // After the restart polling went on from where it was: no update was asked for (and handled) twice.
        Assert.True(_server.GetUpdatesOffsets.Skip(_server.GetUpdatesOffsets.ToList().IndexOf(lastHandled)).All(o => o >= lastHandled));
        // After the restart: the reminder and the answer to the new message, nothing from before handled again.
        var afterRestart = _server.Messages.Skip(before).Where(m => m.MessageId < settled.MessageId).ToList();
        Assert.Equal(2, afterRestart.Count);
        Assert.Single(afterRestart, m => (m.Text ?? "").Contains("còn 7 ngày nữa", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_chat_is_answered_in_the_order_it_wrote_while_chats_are_handled_side_by_side()
    {
        await using var bot = await StartBot();
        for (var n = 1; n <= 8; n++)
            for (long chat = 3001; chat <= 3005; chat++) _server.EnqueueText(chat, chat, $"/lenh{n}");
        for (long chat = 3001; chat <= 3005; chat++) await Reply(chat, "/lenh8");

        for (long chat = 3001; chat <= 3005; chat++)
        {
            var order = _server.Messages.Where(m => m.ChatId == chat).Select(m => m.Text!).ToList();
            Assert.Equal(Enumerable.Range(1, 8).Select(n => $"/lenh{n}."), order.Select(t => t.Split(' ')[3]));
        }
    }

    [Fact]
    public async Task A_deep_link_invitation_binds_the_officer_to_a_unit_and_a_too_large_file_is_refused_before_download()
    {
        const long admin = 9000;
        await using var bot = await StartBot("2024-05-01T09:00:00+07:00", $"--Access:Admins:0=telegram:{admin}");
        _server.EnqueueText(admin, admin, "/moi UBND xã Bản Vược");
        var invitation = await Reply(admin, "Mã mời cán bộ UBND xã Bản Vược");
        var code = System.Text.RegularExpressions.Regex.Match(invitation.Text!, @"/start ([A-Z0-9]{8})").Groups[1].Value;

        // https://t.me/<bot>?start=CODE arrives as "/start CODE".
        _server.EnqueueText(Officer, Officer, $"/start {code}");
        await Reply(Officer, "Mã mời hợp lệ: bạn là cán bộ đơn vị của UBND xã Bản Vược");
        _server.EnqueueText(Officer, Officer, "Lò Thị Lan");
        await Reply(Officer, "Đã đăng ký: Lò Thị Lan — UBND xã Bản Vược");

        _server.EnqueueDocument(Officer, Officer, "ho-so-day-du.pdf", new byte[21 * 1024 * 1024], "application/pdf");
        await Reply(Officer, "lớn hơn 20 MB");
        Assert.DoesNotContain(_server.Calls, c => c.Method == "getFile");
    }

    [Fact]
    public async Task Malformed_and_unexpected_updates_are_logged_and_skipped_and_the_next_message_is_answered()
    {
        await using var bot = await StartBot();
        _server.EnqueueRaw("""{"update_id": 5000, "message": {"message_id": "không phải số", "chat": "oops"}}""");
        _server.EnqueueRaw("""{"update_id": 5001, "poll": {"id": "1", "question": "?", "options": []}}""");
        _server.EnqueueRaw("""{"không có": "update_id"}""");
        _server.EnqueueSticker(Officer, Officer);
        _server.EnqueueText(Officer, Officer, "/kehoach");

        var refusal = await Reply(Officer, "Tôi chỉ đọc được");
        await Reply(Officer, "Lào Cai");
        Assert.Equal(2, _server.Messages.Count);
        Assert.Contains(bot.Logs.Lines, l => l.Contains("không đọc được", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_group_the_bot_answers_its_commands_mentions_and_replies_and_ignores_other_talk()
    {
        await using var bot = await StartBot();
        const long group = -100200300;
        _server.EnqueueText(group, 7, "hôm nay họp lúc mấy giờ?", chatType: "supergroup");
        _server.EnqueueText(group, 7, "/kehoach@someone_else_bot", chatType: "supergroup");
        _server.EnqueueText(group, 7, "/kehoach@thidua_test_bot", chatType: "supergroup");
        var listed = await Reply(group, "Lào Cai");
        _server.EnqueueText(group, 7, "@thidua_test_bot hồ sơ Điện Biên gồm gì", chatType: "supergroup");
        await Reply(group, "1023");
        _server.EnqueueText(group, 7, "còn hạn nộp?", chatType: "supergroup", replyToBotMessageId: listed.MessageId);
        await _server.WaitForMessageAsync(m => m.ChatId == group && m.MessageId > listed.MessageId + 1);
        var settled = await Settle(group, "supergroup");

        // Three answers: the command for this bot, the mention, the reply; nothing for the chatter or the other bot.
        Assert.Equal(3, _server.Messages.Count(m => m.ChatId == group && m.MessageId < settled.MessageId));
    }

    [Fact]
    public async Task User_text_quoted_back_cannot_break_or_inject_HTML()
    {
        await using var bot = await StartBot();
        _server.EnqueueText(Officer, Officer, "/<b>xoa</b>&amp;");
        var reply = await Reply(Officer, "Không có lệnh");
        // The fake server parses HTML like Telegram and would have refused broken markup with a 400.
        Assert.Contains("&lt;b&gt;", reply.Text);
        Assert.DoesNotContain(_server.Calls, c => c.FailedWith is not null && c.Method == "sendMessage");
    }

    [Fact]
    public async Task A_429_is_honoured_the_reply_arrives_once_after_the_wait_and_a_blocked_chat_is_left_alone()
    {
        // The bot's clock is a fake one: the wait Telegram names passes when the test says so, not in real seconds.
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2024-05-01T09:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture));
        await using var bot = await ChannelHost.StartAsync(_server, _db.Path, "2024-05-01T09:00:00+07:00", clock);
        var outbox = bot.Get<OutboxDispatcher>();
        _server.FailNext("sendMessage", 429, "Too Many Requests: retry after 2", retryAfterSeconds: 2);
        _server.EnqueueText(Officer, Officer, "/kehoach");
        await bot.Logs.WaitForAsync(l => l.Contains("telegram yêu cầu chờ 2 giây", StringComparison.Ordinal));

        // Just before the two seconds are up, a round of the outbox sends nothing.
        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal(0, await outbox.DispatchDueAsync());
        Assert.DoesNotContain(_server.Messages, m => m.ChatId == Officer);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        outbox.Notify();
        await Reply(Officer, "Lào Cai");
        Assert.Single(_server.Messages, m => m.ChatId == Officer);

        const long blocker = 2002;
        _server.BlockChat(blocker);
        _server.EnqueueText(blocker, blocker, "/kehoach");
        _server.EnqueueText(blocker, blocker, "/hansaptoi");
        // Logs name the chat by its pseudonym, as the turn's scope does.
        var blockedLine = $"Chat {bot.Get<ThiDua.Core.Storage.BotDatabase>().Pseudonyms.OfChat("telegram", "2002")} của telegram đã chặn bot";
        bool Blocked(string line) => line.Contains(blockedLine, StringComparison.Ordinal);
        await bot.Logs.WaitForAsync(Blocked);
        // One message a second to a chat: the second answer's turn comes a second later.
        clock.Advance(TimeSpan.FromSeconds(1));
        outbox.Notify();
        await bot.Logs.WaitForAsync(Blocked, count: 2);
        // One refused attempt marks the chat inactive: the second answer is not even tried.
        Assert.Single(_server.Calls, c => c.Method == "sendMessage" && c.Parameters["chat_id"]?.ToString() == "2002");
    }

    [Fact]
    public async Task Webhook_mode_rejects_a_wrong_secret_and_handles_a_retried_delivery_once()
    {
        await using var bot = await StartBot("2024-05-01T09:00:00+07:00",
            "--Telegram:WebhookUrl=https://bot.example.vn/tg/hook", "--Telegram:WebhookSecret=s3cret-value", "--Urls=http://127.0.0.1:0");
        await _server.WaitForWebhookAsync();
        Assert.Equal("https://bot.example.vn/tg/hook", _server.WebhookUrl);
        Assert.Equal("s3cret-value", _server.WebhookSecret);
        var address = bot.WebAddress;
        using var http = new HttpClient();
        static string Update(int id, string text) =>
            $$$"""{"update_id": {{{id}}}, "message": {"message_id": {{{id}}}, "date": 1714528800, "chat": {"id": 1001, "type": "private"}, "from": {"id": 1001, "is_bot": false, "first_name": "Lan"}, "text": "{{{text}}}"}}""";

        async Task<int> Post(string update, string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{address}/tg/hook") { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") };
            if (secret is not null) request.Headers.Add(TelegramWebhook.SecretHeader, secret);
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(401, await Post(Update(76, "/hansaptoi"), null));
        Assert.Equal(401, await Post(Update(76, "/hansaptoi"), "s3cret-valuE"));
        Assert.Equal(200, await Post(Update(77, "/kehoach"), "s3cret-value"));
        Assert.Equal(200, await Post(Update(77, "/kehoach"), "s3cret-value"));
        await Reply(Officer, "Lào Cai");
        // A later update's answer comes after anything the refused or repeated posts would have caused.
        Assert.Equal(200, await Post(Update(79, "/moc"), "s3cret-value"));
        var settled = await Reply(Officer, "/moc");
        var answered = Assert.Single(_server.Messages, m => m.MessageId < settled.MessageId);
        Assert.Contains("Lào Cai", answered.Text);
        Assert.DoesNotContain(_server.Calls, c => c.Method == "getUpdates");

        // Malformed deliveries are answered (not 500, which Telegram would resend forever) and change nothing.
        async Task<int> PostRaw(byte[] body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{address}/tg/hook") { Content = new ByteArrayContent(body) };
            request.Headers.Add(TelegramWebhook.SecretHeader, "s3cret-value");
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }
        Assert.Equal(200, await PostRaw("""{"update_id": "abc", "message": {"text": "x"}}"""u8.ToArray()));
        Assert.Equal(200, await PostRaw([(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']));
        Assert.NotEqual(500, await PostRaw("""{"update_id": 78, "message": {"message_id": 6, "date": 1714528800, "chat": {"id": 1001, "type": "private"}, "from": {"id": 1001, "is_bot": false, "first_name": "Lan"}, "text": "\ud800"}}"""u8.ToArray()));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Server_errors_and_timeouts_while_polling_are_retried_and_nothing_secret_is_logged()
    {
        _server.FailNext("getUpdates", 502, "Bad Gateway", times: 2);
        _server.FailNext("sendMessage", 500, "Internal Server Error");
        await using var bot = await StartBot();
        _server.EnqueueText(Officer, Officer, "/kehoach");
        await Reply(Officer, "Lào Cai");

        Assert.Contains(bot.Logs.Lines, l => l.Contains("502", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(_server.Token, StringComparison.Ordinal) || l.Contains("TEST-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_send_without_an_answer_is_sent_once_more_and_polling_survives_a_server_that_stops_answering()
    {
        await using var bot = await StartBot("2024-05-01T09:00:00+07:00", "--Telegram:RequestTimeoutSeconds=1");
        await _server.WaitForCallAsync("setMyCommands");
        _server.DelayNext("sendMessage", TimeSpan.FromSeconds(5));
        _server.EnqueueText(Officer, Officer, "/kehoach");
        await _server.WaitForCallAsync("sendMessage");
        var first = _server.Calls.First(c => c.Method == "sendMessage");
        // The request went out and no answer came: it may have arrived, so it is sent once more (a duplicate at worst).
        await _server.WaitForCallAsync("sendMessage", c => c.At > first.At, TimeSpan.FromSeconds(30));
        await bot.Logs.WaitForAsync(l => l.Contains("gửi lại một lần (có thể trùng)", StringComparison.Ordinal));

        _server.DelayNext("getUpdates", TimeSpan.FromSeconds(6));
        _server.EnqueueText(Officer, Officer, "/hansaptoi");
        await _server.WaitForMessageAsync(m => m.ChatId == Officer && !(m.Text ?? "").StartsWith("Có 5 kế hoạch", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        // Answered the second time, so not sent a third: the one other send is this answer.
        Assert.Equal(3, _server.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task A_refused_token_stops_the_bot_with_a_clear_message_and_no_token_in_it()
    {
        await using var other = await FakeTelegramServer.StartAsync(token: "999:another-TEST-secret");
        var logs = new CapturedLogs();
        var args = new[] { "run", "--Telegram:Token=123:wrong-TEST-secret", $"--Telegram:ApiBaseUrl={other.BaseUrl}", $"--Storage:DatabasePath={_db.Path}" };
        using var host = BotProgram.Build(CommandLine.Parse(args), configure: b => b.Logging.AddProvider(logs));
        var exit = host.Services.GetRequiredService<ExitStatus>();
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains(logs.Lines, l => l.Contains("từ chối Telegram:Token", StringComparison.Ordinal));
        Assert.Equal(3, exit.Code);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("wrong-TEST-secret", StringComparison.Ordinal));
    }
}
