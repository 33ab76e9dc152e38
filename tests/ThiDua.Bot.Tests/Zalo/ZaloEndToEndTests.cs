using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ThiDua.Bot.Channels.Zalo;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Conversations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Zalo;

/// <summary>
/// The whole bot in Zalo mode against a fake Zalo Bot Platform on loopback: numbered menus instead of buttons,
/// both webhook payload shapes, repeated deliveries, photos as dossier files, exports as signed links, splitting.
/// </summary>
public sealed class ZaloEndToEndTests : FakeZaloSession
{
    private const string User = "u-lan-01";

    private Task<ChannelHost> StartBot(string now = "2024-05-01T09:00:00+07:00", params string[] extra) =>
        StartOnServer(now, extra);

    /// <summary>The fake serves photos on loopback: this bot takes it as Zalo's media host and may reach it.</summary>
    private Task<ChannelHost> StartBotWithFakeMedia(params string[] extra) =>
        StartOnServer("2024-05-01T09:00:00+07:00", ["--Zalo:MediaHosts:0=127.0.0.1", .. extra], services => services.AddSingleton<MediaAddressRule>(new LoopbackMediaRule()));

    private Task<ZaloSent> Reply(string contains) =>
        Server.WaitForMessageAsync(m => m.ChatId == User && (m.Text ?? "").Contains(contains, StringComparison.Ordinal));

    /// <summary>The number the menu gives an option.</summary>
    private static string Number(ZaloSent message, string option) =>
        MenuLine().Matches(message.Text!).First(m => m.Groups[2].Value.Contains(option, StringComparison.Ordinal)).Groups[1].Value;

    [Fact]
    public async Task Buttons_become_a_numbered_menu_and_a_number_answers_like_the_button()
    {
        await using var bot = await StartBot();
        Server.EnqueueText(User, User, "hs de nghi khen thuong lao cai gom nhung gi");
        var dossier = await Reply("Tờ trình");
        Assert.Contains("217/KH-UBND", dossier.Text);
        Assert.Matches(@"Trả lời 1, 2, 3 hoặc 4\.", dossier.Text);

        Server.EnqueueText(User, User, Number(dossier, "Các hạn"));
        await Reply("30/6/2024");
        // The option's own words work as well as its number.
        Server.EnqueueText(User, User, "Danh sách kế hoạch");
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(Server.Token, StringComparison.Ordinal) || l.Contains("ZALO-secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_nomination_is_registered_by_numbered_choices_with_a_photo_as_a_dossier_file_and_exported_by_link()
    {
        // Links name the public address (the office's proxy); the test reaches the same path where Kestrel bound.
        await using var bot = await StartBotWithFakeMedia("--Urls=http://127.0.0.1:0", "--Zalo:PublicBaseUrl=https://bot.example.vn/");
        Server.EnqueueText(User, User, "Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");
        await Reply("Họ và tên");
        Server.EnqueueText(User, User, "Lò Thị Lan");
        await Reply("Đơn vị của bạn");
        Server.EnqueueText(User, User, "UBND xã X");
        var card = await Server.WaitForMessageAsync(m => m.ChatId == User && MenuLine().IsMatch(m.Text ?? "") && (m.Text ?? "").Contains("Xác nhận", StringComparison.Ordinal));
        Server.EnqueueText(User, User, Number(card, "Xác nhận"));
        await Reply("LC-2024-0001");

        var photo = Server.HostFile("bien-ban.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F']);
        Server.EnqueueImage(User, User, photo, caption: "Tờ trình");
        await Reply("✅ Tờ trình");

        Server.EnqueueText(User, User, "/xuat nháp");
        var export = await Reply("Tải “trich-ngang");
        var link = Regex.Match(export.Text!, @"https://bot\.example\.vn/tai/\S+").Value.Replace("https://bot.example.vn", bot.WebAddress, StringComparison.Ordinal);
        Assert.StartsWith(bot.WebAddress + "/tai/", link, StringComparison.Ordinal);
        using var http = new HttpClient();
        using (var response = await http.GetAsync(link))
        {
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("PK"u8.ToArray(), (await response.Content.ReadAsByteArrayAsync())[..2]);
        }
        using (var forged = await http.GetAsync(Regex.Replace(link, @"/tai/(\d+)/[^/]+/", "/tai/$1/AAAAAAAAAAAAAAAAAAAAAA/")))
            Assert.Equal(403, (int)forged.StatusCode);
        using (var escape = await http.GetAsync(link.Replace("trich-ngang", "..%2F..%2Fthidua", StringComparison.Ordinal)))
            Assert.NotEqual(200, (int)escape.StatusCode);
    }

    [Fact]
    public async Task The_webhook_checks_its_secret_reads_both_payload_shapes_and_answers_a_repeated_delivery_once()
    {
        await using var bot = await StartBot("2024-05-01T09:00:00+07:00",
            "--Zalo:WebhookUrl=https://bot.example.vn/zalo/hook", "--Zalo:WebhookSecret=zalo-s3cret-value", "--Urls=http://127.0.0.1:0");
        await Server.WaitForWebhookAsync();
        Assert.Equal("zalo-s3cret-value", Server.WebhookSecret);
        using var http = new HttpClient();

        async Task<int> Post(string json, string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{bot.WebAddress}/zalo/hook") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
            if (secret is not null) request.Headers.Add(ZaloWebhook.SecretHeader, secret);
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        var refused = FakeZaloServer.EventJson(User, User, "/help", "m-000", wrapped: true);
        Assert.Equal(401, await Post(refused, null));
        Assert.Equal(401, await Post(refused, "zalo-s3cret-valuE"));

        var wrapped = FakeZaloServer.EventJson(User, User, "/kehoach", "m-001", wrapped: true);
        Assert.Equal(200, await Post(wrapped, "zalo-s3cret-value"));
        Assert.Equal(200, await Post(wrapped, "zalo-s3cret-value"));
        await Reply("Lào Cai");
        Assert.Equal(200, await Post(FakeZaloServer.EventJson(User, User, "/hansaptoi", "m-002", wrapped: false), "zalo-s3cret-value"));
        await Server.WaitForMessageAsync(m => m.ChatId == User && Server.Messages.Count >= 2);
        Assert.Equal(200, await Post("""{"event_name":"message.sticker.received"}""", "zalo-s3cret-value"));
        // A later event's answer comes after anything the refused, repeated or chat-less posts would have caused.
        Assert.Equal(200, await Post(FakeZaloServer.EventJson(User, User, "/moc", "m-005", wrapped: false), "zalo-s3cret-value"));
        var settled = await Reply("/moc");
        Assert.Equal(2, Server.Messages.TakeWhile(m => m != settled).Count());
        Assert.DoesNotContain(Server.Calls, c => c.Method == "getUpdates");

        // Malformed deliveries never get 500 (Zalo would resend them forever): a lone surrogate, an id too long to key, a file: photo.
        Assert.NotEqual(500, await Post("""{"message":{"message_id":"m-003","chat":{"id":"u-1"},"from":{"id":"u-1"},"text":"\ud800"}}""", "zalo-s3cret-value"));
        var longId = System.Text.Json.JsonSerializer.Serialize(new { message = new { message_id = new string('9', 3000), chat = new { id = "u-1" }, text = "hi" } });
        Assert.NotEqual(500, await Post(longId, "zalo-s3cret-value"));
        Assert.NotEqual(500, await Post("""{"event_name":"message.image.received","message":{"message_id":"m-004","chat":{"id":"u-1"},"photo_url":"file:///etc/passwd"}}""", "zalo-s3cret-value"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Long_texts_are_split_under_2000_characters_on_lines_and_a_maybe_delivered_send_is_sent_once_more()
    {
        await using var bot = await StartBot();
        Server.EnqueueText(User, User, "/start");
        await Server.WaitForMessageAsync(m => m.ChatId == User);
        var db = bot.Get<BotDatabase>();
        var now = bot.Get<TimeProvider>().GetUtcNow();
        var lines = Enumerable.Range(1, 120).Select(i => $"Dòng {i}: tiêu chuẩn khen thưởng cho tập thể và cá nhân").ToList();
        db.Outbox.Insert(OutboxWriter.FromReply("long", "zalo", User, new Reply(string.Join('\n', lines)) { Buttons = [[new Button("Hồ sơ", "q|dossier|lao-cai-217")]] }, now, now));
        bot.Get<OutboxDispatcher>().Notify();

        var last = await Server.WaitForMessageAsync(m => (m.Text ?? "").Contains("Dòng 120", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        var parts = Server.Messages.Where(m => (m.Text ?? "").Contains("Dòng ", StringComparison.Ordinal)).ToList();
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Text!.Length, 1, 2000));
        Assert.Contains("1. Hồ sơ", last.Text);
        Assert.Equal(lines, parts.SelectMany(p => p.Text!.Split('\n')).Where(l => l.StartsWith("Dòng ", StringComparison.Ordinal)).ToList());

        // A dropped connection after the request went out: it may have arrived, so it is sent once more, not a third time.
        Server.DropConnectionNext("sendMessage");
        var before = Server.Calls.Count(c => c.Method == "sendMessage");
        Server.EnqueueText(User, User, "/kehoach");
        await Server.WaitForCallAsync("sendMessage", c => c.FailedWith is not null);
        await Server.WaitForCallAsync("sendMessage", c => c.FailedWith is null && Server.Calls.Count(x => x.Method == "sendMessage") > before + 1, TimeSpan.FromSeconds(30));
        await bot.Logs.WaitForAsync(l => l.Contains("gửi lại một lần (có thể trùng)", StringComparison.Ordinal));
        // A later command's answer marks the end: nothing was sent a third time before it.
        Server.EnqueueText(User, User, "/mocZ");
        await Server.WaitForMessageAsync(m => m.ChatId == User && (m.Text ?? "").Contains("Không có lệnh /mocz", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(30));
        Assert.Equal(before + 3, Server.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task A_followed_deadline_reaches_a_Zalo_officer_after_a_restart_as_text_with_a_numbered_menu()
    {
        await using (var bot = await StartBot("2024-06-20T09:00:00+07:00"))
        {
            Server.EnqueueText(User, User, "/nhacviec");
            var menu = await Reply("Chọn kế hoạch");
            Server.EnqueueText(User, User, Number(menu, "Lào Cai"));
            await Reply("Đã bật nhắc hạn");
        }
        await using (var bot = await StartBot("2024-06-22T08:05:00+07:00"))
        {
            var reminder = await Reply("còn 7 ngày nữa");
            Assert.Contains("Tắt nhắc kế hoạch này", reminder.Text);
            Server.EnqueueText(User, User, Number(reminder, "Tắt nhắc"));
            await Reply("Đã tắt nhắc hạn");
        }
    }

    [Fact]
    public async Task Stickers_are_politely_refused_and_a_refused_token_stops_the_bot()
    {
        await using (var bot = await StartBot())
        {
            Server.EnqueueSticker(User, User);
            await Reply("Tôi chỉ đọc được tin nhắn chữ và ảnh");
        }
        var logs = new CapturedLogs();
        using var host = ThiDua.Bot.Hosting.BotProgram.Build(ThiDua.Bot.Hosting.CommandLine.Parse(["run", "--Zalo:Token=42:wrong-ZALO-secret", $"--Zalo:ApiBaseUrl={Server.BaseUrl}", $"--Storage:DatabasePath={Database.Path}"]),
            configure: b => b.Logging.AddProvider(logs));
        var exit = host.Services.GetRequiredService<ThiDua.Bot.Hosting.ExitStatus>();
        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(4, exit.Code);
        Assert.Contains(logs.Lines, l => l.Contains("từ chối Zalo:Token", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("wrong-ZALO-secret", StringComparison.Ordinal));
    }
}
