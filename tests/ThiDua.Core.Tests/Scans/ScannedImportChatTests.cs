using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Import;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests.Scans;

/// <summary>
/// A scanned plan sent in chat (/nhapkehoach, then the PDF): read page by page in the background with its progress
/// in the chat, while other chats are answered; stopped at Import:MaxScanSeconds with its reason, nothing saved lost;
/// on a server without tesseract, answered with what to install.
/// </summary>
public sealed class ScannedImportChatTests
{
    private static readonly string HaiDuong = File.ReadAllText(Path.Combine(RepoPaths.Data, "plans", "hai-duong-70-dbp.txt"));

    private static IncomingFile Scan(string name, int pages)
    {
        var pdf = PlanScanner.ImagePdf(PlanScanner.Pages(HaiDuong, new ScanLook(), pages));
        return new IncomingFile(name, "application/pdf", pdf.Length, _ => Task.FromResult<Stream>(new MemoryStream(pdf)));
    }

    private static Task<Stream> Nothing(string reference, CancellationToken _) => Task.FromResult(Stream.Null);

    [Fact]
    public async Task A_scan_is_read_in_the_background_with_its_pages_in_the_chat_while_another_chat_is_answered()
    {
        await using var bot = new BackgroundImportBot(null, new FakeTimeProvider(TestBot.April2024), Nothing);
        bot.Register("rev", Role.Reviewer);
        bot.Start();
        bot.Ask("/nhapkehoach", "rev");
        var reading = bot.FirstPageRead();
        var outcome = bot.NextOutcome(TimeSpan.FromMinutes(3));
        Assert.Empty(bot.Send(BackgroundImportBot.Upload("rev", "m-1", Scan("hai-duong-quet.pdf", 3))).Replies);
        await reading;

        // The OCR run is under way; another officer's question is answered at once, before the draft.
        var answer = bot.Ask("hồ sơ khen thưởng Lào Cai gồm gì?", "other");
        Assert.Contains("Lào Cai", answer.Text);
        Assert.False(outcome.IsCompleted, "the scan finished before the question was answered: the test proves nothing");

        var draft = await outcome;
        Assert.Contains("Bản nháp từ “hai-duong-quet.pdf”", draft.Text);
        Assert.Contains("⚠ đọc từ bản quét bằng OCR (3 trang", draft.Text);
        var sent = bot.SentTo("rev");
        Assert.StartsWith("Đang đọc tệp “hai-duong-quet.pdf”", sent[0]);
        Assert.Contains(sent, m => m.Contains("là ảnh quét (3 trang)", StringComparison.Ordinal) && m.EndsWith("Đang đọc trang 1/3…", StringComparison.Ordinal));
        Assert.Equal(draft.Text, sent[^1]);
    }

    [Fact]
    public async Task A_scan_past_its_time_limit_is_stopped_with_the_limit_named_and_nothing_saved_is_lost()
    {
        var time = new FakeTimeProvider(TestBot.April2024);
        await using var bot = new BackgroundImportBot(null, time, Nothing);
        bot.Register("rev", Role.Reviewer);
        bot.Start();
        // A draft made before, from a text plan: the stopped scan must not touch it.
        bot.Ask("/nhapkehoach", "rev");
        var first = bot.NextOutcome();
        var text = new IncomingFile("ke-hoach.txt", "text/plain", HaiDuong.Length, _ => Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(HaiDuong))));
        bot.Send(BackgroundImportBot.Upload("rev", "m-1", text));
        Assert.Contains("Bản nháp từ “ke-hoach.txt”", (await first).Text);

        bot.Ask("/nhapkehoach", "rev");
        var reading = bot.FirstPageRead();
        var stopped = bot.NextOutcome(TimeSpan.FromMinutes(2));
        bot.Send(BackgroundImportBot.Upload("rev", "m-2", Scan("quet.pdf", 2)));
        await reading;
        time.Advance(TimeSpan.FromSeconds(new ImportOptions().MaxScanSeconds + 1));

        var refusal = await stopped;
        Assert.Contains("quá 300 giây (giới hạn Import:MaxScanSeconds) nên đã dừng, không lưu gì", refusal.Text);
        Assert.Equal(1, bot.Database.Collection<StoredDraft>("import_drafts").Count());
        Assert.Contains("Lào Cai", bot.Ask("hồ sơ khen thưởng Lào Cai gồm gì?", "rev").Text);
    }

    [Fact]
    public async Task Without_tesseract_the_reviewer_is_told_what_to_install()
    {
        var limits = new ImportOptions { Tesseract = "/nonexistent/tesseract" };
        await using var bot = new BackgroundImportBot(null, new FakeTimeProvider(TestBot.April2024), Nothing, limits);
        bot.Register("rev", Role.Reviewer);
        bot.Start();
        bot.Ask("/nhapkehoach", "rev");
        var outcome = bot.NextOutcome(TimeSpan.FromMinutes(1));
        bot.Send(BackgroundImportBot.Upload("rev", "m-1", Scan("quet.pdf", 1)));

        var refusal = await outcome;
        Assert.Contains("máy chủ chưa cài chương trình đọc ảnh", refusal.Text);
        Assert.Contains(ScanTools.InstallCommand, refusal.Text);
        // Everything else works.
        Assert.Contains("Lào Cai", bot.Ask("hồ sơ khen thưởng Lào Cai gồm gì?", "rev").Text);
    }

    private static IncomingFile Photo(string name, byte[] jpeg) => new(name, "image/jpeg", jpeg.Length, _ => Task.FromResult<Stream>(new MemoryStream(jpeg)));

    [Fact]
    public async Task Photos_of_a_plan_sent_one_message_at_a_time_are_read_together_as_one_plan()
    {
        await using var bot = new BackgroundImportBot(null, new FakeTimeProvider(TestBot.April2024), Nothing);
        bot.Register("rev", Role.Reviewer);
        bot.Start();
        bot.Ask("/nhapkehoach", "rev");
        var pages = PlanScanner.Pages(HaiDuong, new ScanLook(), 2);

        var first = bot.Send(BackgroundImportBot.Upload("rev", "m-1", Photo("IMG_0001.jpg", pages[0]))).Replies.Single();
        Assert.StartsWith("Đã nhận ảnh trang 1 (“IMG_0001.jpg”)", first.Text);
        // A question in between is answered; the next photo is still a page of the same plan.
        Assert.Contains("Lào Cai", bot.Ask("hồ sơ khen thưởng Lào Cai gồm gì?", "rev").Text);
        var second = bot.Send(BackgroundImportBot.Upload("rev", "m-2", Photo("IMG_0002.jpg", pages[1]))).Replies.Single();
        Assert.StartsWith("Đã nhận ảnh trang 2", second.Text);
        var readButton = second.Buttons.SelectMany(r => r).Single(b => b.Text == "Đọc 2 trang");

        var outcome = bot.NextOutcome(TimeSpan.FromMinutes(3));
        Assert.Empty(bot.Send(new IncomingMessage { Channel = BackgroundImportBot.Channel, ChatId = "rev", UserId = "rev", MessageId = "m-3", ButtonData = readButton.Data }).Replies);
        var draft = await outcome;

        Assert.Contains("Bản nháp từ “anh-chup-2-trang.zip”", draft.Text);
        Assert.Contains("⚠ đọc từ bản quét bằng OCR (2 trang", draft.Text);
        // Both pages are in the text drafted, in the order sent: the plan's header from the first, its section IV from the second.
        var stored = bot.Database.Collection<StoredDraft>("import_drafts").FindAll().Single();
        var read = VietnameseText.Fold(bot.Database.PlanTexts.Get(stored.PlanText, stored.PlanTextFile) ?? "");
        Assert.StartsWith("uy ban nhan dan", read.TrimStart());
        Assert.Contains("iv. thoi gian va doi tuong khen thuong", read);
        // Read once: pressing again finds no photos waiting.
        Assert.StartsWith("Chưa có ảnh trang nào đang chờ", bot.Press(readButton.Data, "rev").Text);
    }

    [Fact]
    public async Task Photos_queued_for_reading_are_read_after_a_restart_that_came_before_the_first_page()
    {
        using var file = new TempDatabase();
        var time = new FakeTimeProvider(TestBot.April2024);
        var pages = PlanScanner.Pages(HaiDuong, new ScanLook(), 2);
        await using (var before = new BackgroundImportBot(file.Path, time, Nothing))
        {
            // The worker never starts in this process: the restart comes between "Đọc 2 trang" and the first read.
            before.Register("rev", Role.Reviewer);
            before.Ask("/nhapkehoach", "rev");
            before.Send(BackgroundImportBot.Upload("rev", "m-1", Photo("IMG_0001.jpg", pages[0])));
            var second = before.Send(BackgroundImportBot.Upload("rev", "m-2", Photo("IMG_0002.jpg", pages[1]))).Replies.Single();
            var readButton = second.Buttons.SelectMany(r => r).Single(b => b.Text == "Đọc 2 trang");
            Assert.Empty(before.Send(new IncomingMessage { Channel = BackgroundImportBot.Channel, ChatId = "rev", UserId = "rev", MessageId = "m-3", ButtonData = readButton.Data }).Replies);
        }

        await using var after = new BackgroundImportBot(file.Path, time, Nothing);
        var outcome = after.NextOutcome(TimeSpan.FromMinutes(3));
        after.Start();
        var draft = await outcome;

        Assert.Contains("Bản nháp từ “anh-chup-2-trang.zip”", draft.Text);
        Assert.Contains("⚠ đọc từ bản quét bằng OCR (2 trang", draft.Text);
        Assert.DoesNotContain("gửi lại", draft.Text);
        // Read once, from the copy kept with the job; the album and that copy are both gone.
        Assert.StartsWith("Chưa có ảnh trang nào đang chờ", after.Press(new AlbumPress(AlbumAction.Read).Data, "rev").Text);
        Assert.Empty(after.Database.Storage("import_files", "import_chunks").FindAll());
    }

    [Fact]
    public async Task Photos_sent_by_mistake_can_be_dropped_and_nothing_is_imported()
    {
        await using var bot = new BackgroundImportBot(null, new FakeTimeProvider(TestBot.April2024), Nothing);
        bot.Register("rev", Role.Reviewer);
        bot.Ask("/nhapkehoach", "rev");
        var photo = PlanScanner.Pages(HaiDuong, new ScanLook(), 1)[0];
        var reply = bot.Send(BackgroundImportBot.Upload("rev", "m-1", Photo("a.jpg", photo))).Replies.Single();
        var drop = reply.Buttons.SelectMany(r => r).Single(b => b.Text == "Bỏ các ảnh");

        Assert.Equal("Đã bỏ 1 ảnh trang. Không có gì được nhập.", bot.Press(drop.Data, "rev").Text);
        Assert.Equal(0, bot.Database.Collection<StoredDraft>("import_drafts").Count());
        Assert.Equal(0, bot.Database.Collection<QueuedImport>("import_jobs").Count());
    }
}
