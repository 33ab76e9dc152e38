using System.Text.RegularExpressions;
using LiteDB;
using ThiDua.Bot.Channels.Zalo;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Failures;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Zalo;

/// <summary>
/// An event the Zalo adapter fails on is not only logged: it is kept with its payload (never the token or the
/// webhook secret), counted and listed in /loi, and an administrator's “Chạy lại” answers the chat it came from, once.
/// </summary>
public sealed class ZaloFailureTests : FakeZaloSession
{
    private const string User = "u-lan-01", Admin = "u-admin-01";
    private const string Secret = "zalo-s3cret-value";

    private Task<ChannelHost> StartBot(params string[] extra) =>
        StartOnServer("2024-05-01T09:00:00+07:00", [$"--Access:Admins:0=zalo:{Admin}", .. extra]);

    private Task<ZaloSent> Reply(string chat, string contains) =>
        Server.WaitForMessageAsync(m => m.ChatId == chat && (m.Text ?? "").Contains(contains, StringComparison.Ordinal));

    /// <summary>A damaged menu record (a broken or very old file): reading the chat's menu throws on each of its texts, in the adapter.</summary>
    private static void DamageMenu(BotDatabase db, string chat) =>
        db.Collection<BsonDocument>("zalo_menus").Insert(new BsonDocument { ["_id"] = chat, ["Options"] = "không phải danh sách" });

    private static void RepairMenu(BotDatabase db, string chat) => db.Collection<BsonDocument>("zalo_menus").Delete(chat);

    [Fact]
    public async Task A_failed_event_is_kept_listed_in_loi_and_run_again_answers_its_chat_once()
    {
        await using var bot = await StartBot();
        var db = bot.Get<BotDatabase>();
        DamageMenu(db, User);
        var messageId = Server.EnqueueText(User, User, "hồ sơ khen thưởng Lào Cai gồm gì");
        // Events are polled one after another: the administrator's /loi is handled after the failed event.
        Server.EnqueueText(Admin, Admin, "/loi");
        var list = await Reply(Admin, "Tin nhắn bị lỗi từ trước đến nay: 1 (kênh zalo 1)");
        Assert.Contains($"#1 · ", list.Text);
        Assert.Contains($"zalo:{User}", list.Text);
        Assert.Contains("InvalidCastException", list.Text);
        Assert.DoesNotContain(Server.Messages, m => m.ChatId == User);

        var kept = bot.Get<FailureLog>().Find(1)!;
        Assert.Equal((ZaloProcessor.Channel, User), (kept.Source, kept.ChatId));
        Assert.Contains(messageId, kept.Payload);
        Assert.Contains("hồ sơ khen thưởng Lào Cai gồm gì", kept.Payload);
        Assert.DoesNotContain(Server.Token, kept.Payload + kept.Error, StringComparison.Ordinal);

        RepairMenu(db, User);
        var run = MenuLine().Matches(list.Text!).Single(m => m.Groups[2].Value == "Chạy lại #1").Groups[1].Value;
        Server.EnqueueText(Admin, Admin, run);
        await Reply(Admin, $"Đã chạy lại lỗi #1: đã xử lý lại tin Zalo {messageId}");
        var answer = await Reply(User, "Tờ trình");
        Assert.Contains("217/KH-UBND", answer.Text);

        // Once: the list shows it run and offers no second run; the user's next answer comes with nothing repeated before it.
        Server.EnqueueText(Admin, Admin, "/loi");
        var after = await Reply(Admin, "đã chạy lại: đã xử lý lại tin Zalo");
        Assert.DoesNotContain("Chạy lại #1", after.Text);
        Server.EnqueueText(User, User, "/mocZ");
        var marker = await Reply(User, "Không có lệnh");
        Assert.Single(Server.Messages, m => m.ChatId == User && m != marker);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(Server.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_webhook_event_that_fails_is_kept_as_posted_without_the_secret_and_answered_200()
    {
        await using var bot = await StartBot("--Zalo:WebhookUrl=https://bot.example.vn/zalo/hook", $"--Zalo:WebhookSecret={Secret}", "--Urls=http://127.0.0.1:0");
        await Server.WaitForWebhookAsync();
        DamageMenu(bot.Get<BotDatabase>(), User);
        using var http = new HttpClient();
        var json = FakeZaloServer.EventJson(User, User, "/kehoach", "m-100", wrapped: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{bot.WebAddress}/zalo/hook") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(ZaloWebhook.SecretHeader, Secret);
        using var response = await http.SendAsync(request);

        // Kept before the answer: a 500 would have Zalo send it again, only to fail again.
        Assert.Equal(200, (int)response.StatusCode);
        var kept = Assert.Single(bot.Get<FailureLog>().Recent(10));
        Assert.Equal(json, kept.Payload);
        Assert.Equal(1, bot.Get<FailureLog>().Counts()[ZaloProcessor.Channel]);
        Assert.DoesNotContain(Secret, kept.Payload + kept.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains(Server.Token, StringComparison.Ordinal));
    }
}
