using ThiDua.Core.Import;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>
/// A plan file read in the background on Telegram survives the bot stopping mid-read (drafted once after the
/// restart), and one whose read throws is kept in /loi, its reviewer told, and read again by an administrator.
/// </summary>
public sealed class ImportFailureTelegramTests : FakeTelegramSession
{
    private const long Reviewer = 1001, Admin = 3003;
    private static readonly byte[] Plan = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "plans", "hai-duong-70-dbp.txt"));

    private Task<ChannelHost> StartBot() =>
        ChannelHost.StartAsync(Server, Database.Path, "2024-05-01T09:00:00+07:00", $"--Access:Admins:0=telegram:{Reviewer}", $"--Access:Admins:1=telegram:{Admin}");

    [Fact]
    public async Task A_plan_file_being_read_when_the_bot_stops_is_drafted_once_after_the_restart()
    {
        Action release;
        await using (var bot = await StartBot())
        {
            Server.EnqueueText(Reviewer, Reviewer, "/nhapkehoach");
            await Reply(Reviewer, "Gửi tệp kế hoạch");
            // The download never finishes in this run.
            release = Server.HoldFileDownloads();
            var update = Server.EnqueueDocument(Reviewer, Reviewer, "ke-hoach.txt", Plan, "text/plain");
            await Reply(Reviewer, "Đang đọc tệp “ke-hoach.txt”");
            await Server.WaitForCallAsync("getFile");
            // Telegram heard the update was handled and will not send it again: only the database still has the job.
            await Server.WaitUntilConsumedAsync(update);
            // A chat's replies go out in order, each outcome saved at once: once this answer came, the acknowledgement is
            // saved as sent (else the outbox's delivery promise would send it once more after the restart).
            Server.EnqueueText(Reviewer, Reviewer, "/moca");
            await Reply(Reviewer, "Không có lệnh /moca");
        }
        release();

        await using (var bot = await StartBot())
        {
            var card = await Reply(Reviewer, "(1/7) Số và ngày ban hành");
            Assert.Contains("Bản nháp từ “ke-hoach.txt”", card.Text);
            // A later answer marks the end: nothing was sent twice before it.
            Server.EnqueueText(Reviewer, Reviewer, "/mocb");
            await Reply(Reviewer, "Không có lệnh /mocb");
            Assert.Single(Server.Messages, m => m.ChatId == Reviewer && (m.Text ?? "").Contains("Đang đọc tệp", StringComparison.Ordinal));
            Assert.Single(Server.Messages, m => m.ChatId == Reviewer && (m.Text ?? "").Contains("Bản nháp từ", StringComparison.Ordinal));
            Assert.Equal(1, bot.Get<BotDatabase>().Collection<StoredDraft>("import_drafts").Count());
            Assert.Equal(2, Server.Calls.Count(c => c.Method == "getFile"));
        }
    }

    [Fact]
    public async Task A_plan_file_whose_download_throws_is_kept_in_loi_and_run_again_sends_the_draft_to_the_reviewer()
    {
        await using var bot = await StartBot();
        Server.EnqueueText(Reviewer, Reviewer, "/nhapkehoach");
        await Reply(Reviewer, "Gửi tệp kế hoạch");
        // An error of the platform, not a refusal of the file: the read throws.
        Server.FailNext("getFile", 500, "Internal Server Error");
        Server.EnqueueDocument(Reviewer, Reviewer, "ke-hoach.txt", Plan, "text/plain");
        var told = await Reply(Reviewer, "gặp lỗi khi đọc tệp kế hoạch “ke-hoach.txt”");
        Assert.Contains("Quản trị viên có thể cho đọc lại tệp này", told.Text);

        Server.EnqueueText(Admin, Admin, "/loi");
        var list = await Reply(Admin, "(đọc tệp kế hoạch 1)");
        Assert.Contains($"telegram:{Reviewer} · tệp ke-hoach.txt · ", list.Text);
        Assert.Contains("Internal Server Error", list.Text);
        var run = list.ReplyMarkup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray())
            .Single(b => b!["text"]!.GetValue<string>() == "Chạy lại #1")!["callback_data"]!.GetValue<string>();
        Server.EnqueueCallback(Admin, Admin, list.MessageId, run);
        await Reply(Admin, "Đã chạy lại lỗi #1: đã đưa tệp “ke-hoach.txt” vào hàng đọc lại");
        var card = await Reply(Reviewer, "(Đọc lại tệp “ke-hoach.txt” bạn gửi lúc");
        Assert.Contains("(1/7) Số và ngày ban hành", card.Text);
        Assert.Equal(ImportState.Done, Assert.Single(bot.Get<BotDatabase>().Collection<QueuedImport>("import_jobs").FindAll()).State);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(Server.Token, StringComparison.Ordinal));
    }
}
