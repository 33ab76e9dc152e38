using System.Diagnostics;
using System.Net;
using System.Text;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>The fake driven by the real Telegram.Bot client, so the end-to-end tests can trust it.</summary>
public class FakeTelegramServerTests
{
    private static TelegramBotClient ClientFor(FakeTelegramServer server, string? token = null) =>
        new(new TelegramBotClientOptions(token ?? server.Token, server.BaseUrl) { RetryCount = 0 });

    [Fact]
    public async Task GetMe_answers_with_the_bot_identity()
    {
        await using var server = await FakeTelegramServer.StartAsync();

        var me = await ClientFor(server).GetMe();

        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(123456789, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("thidua_test_bot", me.Username);
        Assert.Equal("getMe", Assert.Single(server.Calls).Method);
    }

    [Fact]
    public async Task GetUpdates_confirms_by_offset_and_a_long_poll_returns_as_soon_as_an_update_arrives()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = ClientFor(server);
        var first = server.EnqueueText(42, 42, "/start");
        var second = server.EnqueueCallback(42, 42, 7, "plan:1");

        var updates = await bot.GetUpdates();

        Assert.Equal([1000L, 1001L], [first, second]);
        Assert.Equal([first, second], updates.Select(u => (long)u.Id));
        Assert.Equal(MessageEntityType.BotCommand, updates[0].Message!.Entities![0].Type);
        Assert.Equal(server.CallbackIdOf(second), updates[1].CallbackQuery!.Id);
        Assert.Equal([first, second], server.PendingUpdateIds);               // delivered, not yet confirmed

        Assert.Empty(await bot.GetUpdates(offset: (int)second + 1, timeout: 0));
        Assert.Empty(server.PendingUpdateIds);
        await server.WaitUntilConsumedAsync(second, TimeSpan.FromSeconds(1));

        var clock = Stopwatch.StartNew();
        var poll = bot.GetUpdates(offset: (int)second + 1, timeout: 30);
        await server.WaitForWaitingPollAsync();
        var third = server.EnqueueText(42, 42, "xin chào");
        var late = await poll;

        Assert.Equal(third, Assert.Single(late).Id);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"the long poll took {clock.Elapsed}");
        Assert.Equal([null, second + 1, second + 1], server.GetUpdatesOffsets);
    }

    [Fact]
    public async Task SendMessage_is_recorded_with_its_keyboard_and_edits_follow_telegram_rules()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = ClientFor(server);
        var keyboard = new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Đồng ý", "ok:1"), InlineKeyboardButton.WithCallbackData("Huỷ", "cancel")]]);

        var sent = await bot.SendMessage(42, "<b>Kế hoạch</b> &amp; thi đua", ParseMode.Html, replyMarkup: keyboard);
        var edited = await bot.EditMessageText(42, sent.MessageId, "Đã chọn");

        Assert.Equal(1, sent.MessageId);
        Assert.Equal("Kế hoạch & thi đua", sent.Text);
        Assert.Equal(MessageEntityType.Bold, Assert.Single(sent.Entities!).Type);
        var recorded = await server.WaitForMessageAsync(m => m.Method == "sendMessage" && m.ChatId == 42);
        Assert.Equal("<b>Kế hoạch</b> &amp; thi đua", recorded.Text);
        Assert.Equal("HTML", recorded.ParseMode, ignoreCase: true);              // Telegram.Bot sends "Html"
        Assert.Equal("ok:1", recorded.ReplyMarkup!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>());
        Assert.Equal("Đã chọn", edited.Text);
        Assert.Equal(["sendMessage", "editMessageText"], server.Messages.Select(m => m.Method));
        Assert.Null(server.Messages[1].ReplyMarkup);

        var missing = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(42, 999, "x"));
        Assert.Equal((400, "Bad Request: message to edit not found"), (missing.ErrorCode, missing.Message));
        var unchanged = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(42, sent.MessageId, "Đã chọn"));
        Assert.StartsWith("Bad Request: message is not modified", unchanged.Message, StringComparison.Ordinal);
        var tooLong = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Xem", "nomination:" + new string('đ', 30)));
        var button = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "Chọn", replyMarkup: tooLong));
        Assert.Equal((400, "Bad Request: BUTTON_DATA_INVALID"), (button.ErrorCode, button.Message));
        Assert.Equal(2, server.Messages.Count);
    }

    [Theory]
    [InlineData("<b>đậm", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("Xin <p>chào</p>", "Unsupported start tag \"p\" at byte offset 4")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("Lan & Huệ", "Character '&' at byte offset 4 must be escaped as &amp;")]
    [InlineData("điểm < 5", "Unsupported start tag \"\" at byte offset 8")]
    public async Task Html_that_telegram_cannot_parse_is_a_400(string html, string error)
    {
        await using var server = await FakeTelegramServer.StartAsync();

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => ClientFor(server).SendMessage(42, html, ParseMode.Html));

        Assert.Equal(400, ex.ErrorCode);
        Assert.Equal("Bad Request: can't parse entities: " + error, ex.Message);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task FailNext_and_BlockChat_surface_as_ApiRequestException()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = ClientFor(server);
        server.FailNext("sendMessage", 429, "Too Many Requests: retry after 7", retryAfterSeconds: 7);
        server.BlockChat(43);

        var throttled = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(42, "một"));
        await bot.SendMessage(42, "hai");
        var blocked = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(43, "ba"));

        Assert.Equal(429, throttled.ErrorCode);
        Assert.Equal(7, throttled.Parameters?.RetryAfter);
        Assert.Equal((403, "Forbidden: bot was blocked by the user"), (blocked.ErrorCode, blocked.Message));
        Assert.Equal(["Too Many Requests: retry after 7", null, "Forbidden: bot was blocked by the user"], server.Calls.Select(c => c.FailedWith));
        Assert.Equal("hai", Assert.Single(server.Messages).Text);
    }

    [Fact]
    public async Task DropConnectionNext_and_a_chat_s_DelayNext_leave_the_client_without_an_answer()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = ClientFor(server);
        await bot.GetMe();                                      // a pooled connection, like a bot that has been running
        server.DropConnectionNext("sendMessage");
        server.DropConnectionNext("sendMessage", afterHandling: true);
        server.DelayNext("sendMessage", TimeSpan.FromSeconds(5), chatId: 43);
        Assert.Equal(3, server.FaultsWaiting("sendMessage"));

        await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(42, "một"));
        await Assert.ThrowsAsync<RequestException>(() => bot.SendMessage(42, "hai"));    // sent, but the answer is lost
        await bot.SendMessage(42, "ba");                        // the delay waits for chat 43
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var hung = new TelegramBotClient(new TelegramBotClientOptions(server.Token, server.BaseUrl) { RetryCount = 0 }, impatient);
        await Assert.ThrowsAnyAsync<Exception>(() => hung.SendMessage(43, "bốn"));
        await server.WaitForCallAsync("sendMessage", c => c.FailedWith == "no answer: client went away or server stopped");

        Assert.Equal(["hai", "ba"], server.Messages.Select(m => m.Text));
        Assert.Equal([null, "no answer: connection dropped (DropConnectionNext)", "no answer: connection dropped after handling (DropConnectionNext)", null, "no answer: client went away or server stopped"],
            server.Calls.Select(c => c.FailedWith));
        Assert.Equal(0, server.FaultsWaiting("sendMessage"));
        server.FailNext("sendMessage", 500, "Internal Server Error");
        server.ClearFaults();
        await bot.SendMessage(42, "năm");
        Assert.Equal(0, server.FaultsWaiting("sendMessage"));
    }

    [Fact]
    public async Task SendDocument_keeps_the_name_and_bytes_the_bot_uploaded()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var content = Encoding.UTF8.GetBytes("STT,Họ tên\n1,Nguyễn Văn An\n");
        using var stream = new MemoryStream(content);

        var sent = await ClientFor(server).SendDocument(42, InputFile.FromStream(stream, "Báo cáo thi đua.csv"), "<i>Báo cáo</i>", ParseMode.Html);

        Assert.Equal("Báo cáo thi đua.csv", sent.Document!.FileName);
        Assert.Equal("Báo cáo", sent.Caption);
        var recorded = Assert.Single(server.Messages);
        Assert.Equal(("sendDocument", 42L, "Báo cáo thi đua.csv"), (recorded.Method, recorded.ChatId, recorded.DocumentName));
        Assert.Equal(content, recorded.DocumentContent);
        Assert.Equal(content, server.Calls.Single(c => c.Method == "sendDocument").UploadedFile);
    }

    [Fact]
    public async Task GetFile_and_DownloadFile_return_what_the_user_sent()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var bot = ClientFor(server);
        var excel = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3 };
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 0xFF, 0xD9 };
        server.EnqueueDocument(42, 42, "danh-sach.xlsx", excel, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Danh sách");
        server.EnqueuePhoto(42, 42, jpeg);

        var updates = await bot.GetUpdates();
        var document = updates[0].Message!.Document!;
        var largest = updates[1].Message!.Photo!.MaxBy(p => p.Width)!;
        var file = await bot.GetFile(document.FileId);
        using var downloaded = new MemoryStream();
        await bot.DownloadFile(file, downloaded);
        using var photo = new MemoryStream();
        await bot.DownloadFile(await bot.GetFile(largest.FileId), photo);

        Assert.Equal(("danh-sach.xlsx", "Danh sách"), (document.FileName, updates[0].Message!.Caption));
        Assert.Equal(2, updates[1].Message!.Photo!.Length);
        Assert.Matches(@"^documents/file_\d+\.xlsx$", file.FilePath);
        Assert.Equal(excel, downloaded.ToArray());
        Assert.Equal(jpeg, photo.ToArray());
        var invalid = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetFile("no-such-file"));
        Assert.Equal((400, "Bad Request: invalid file_id"), (invalid.ErrorCode, invalid.Message));
    }

    [Fact]
    public async Task A_wrong_token_is_401_and_an_unknown_method_404()
    {
        await using var server = await FakeTelegramServer.StartAsync();

        var ex = await Assert.ThrowsAsync<ApiRequestException>(() => ClientFor(server, "987654321:wrong-token").GetMe());
        Assert.Equal((401, "Unauthorized"), (ex.ErrorCode, ex.Message));
        Assert.Empty(server.Calls);

        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri($"{server.BaseUrl}/bot{server.Token}/sendDice"), null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", await response.Content.ReadAsStringAsync());
    }
}
