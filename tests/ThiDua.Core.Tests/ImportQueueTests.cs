using LiteDB;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Import;

namespace ThiDua.Core.Tests;

/// <summary>
/// Plan files read in the background are kept in the database: a restart between the acknowledgement and the
/// draft reads the file once, and a read that throws is kept in /loi, its sender told, and run again by an administrator.
/// </summary>
public class ImportQueueTests
{
    private static readonly byte[] Plan = File.ReadAllBytes(Path.Combine(RepoPaths.Data, "plans", "hai-duong-70-dbp.txt"));

    private static Task<Stream> PlanAgain(string reference, CancellationToken _) => Task.FromResult<Stream>(new MemoryStream(Plan));

    [Fact]
    public async Task A_queued_import_survives_a_restart_and_is_acknowledged_and_drafted_once()
    {
        using var file = new TempDatabase();
        var time = new FakeTimeProvider(TestBot.April2024);
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // In the first process the file never arrives: its download hangs until the process stops.
        var hanging = new IncomingFile("ke-hoach.txt", "text/plain", Plan.Length, async ct =>
        {
            reading.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Stream.Null;
        })
        { Reference = "file-1" };
        var upload = BackgroundImportBot.Upload("rev", "u-7", hanging);
        await using (var before = new BackgroundImportBot(file.Path, time, PlanAgain))
        {
            before.Register("rev", Role.Reviewer);
            before.Start();
            Assert.Contains("Gửi tệp kế hoạch", before.Ask("/nhapkehoach", "rev").Text);
            Assert.Empty(before.Send(upload).Replies);
            await reading.Task;
        }

        var fetched = new List<string>();
        await using var after = new BackgroundImportBot(file.Path, time, (reference, ct) =>
        {
            lock (fetched) fetched.Add(reference);
            return PlanAgain(reference, ct);
        });
        // The platform delivers the message again (it never heard it was handled): its job is found, nothing is queued twice.
        Assert.True(after.Queue.TryEnqueue(upload, "test:rev", hanging, new Reply("Đang đọc tệp (lần hai)")));
        var outcome = after.NextOutcome();
        after.Start();
        var draft = await outcome;

        Assert.Contains("Bản nháp từ “ke-hoach.txt”", draft.Text);
        Assert.Equal(["file-1"], fetched);
        var sent = after.SentTo("rev");
        Assert.Equal(2, sent.Count);
        Assert.StartsWith("Đang đọc tệp “ke-hoach.txt”", sent[0]);
        Assert.Equal(draft.Text, sent[1]);
        Assert.Equal(1, after.Database.Collection<StoredDraft>("import_drafts").Count());
        var job = Assert.Single(after.Database.Collection<QueuedImport>("import_jobs").FindAll());
        Assert.Equal(ImportState.Done, job.State);
        // The copy kept for a restart goes with the job done: the draft holds the text.
        Assert.Empty(after.Database.Storage("import_files", "import_chunks").FindAll());
        Assert.Empty(after.Failures.Counts());
    }

    [Fact]
    public async Task A_read_that_throws_is_kept_in_loi_its_sender_told_and_run_again_drafts_for_them()
    {
        var time = new FakeTimeProvider(TestBot.April2024);
        await using var bot = new BackgroundImportBot(null, time, PlanAgain, "test:admin");
        bot.Register("rev", Role.Reviewer);
        bot.Start();
        bot.Ask("/nhapkehoach", "rev");
        // The first download breaks with an error that is no refusal (a fault of the machine, not of the file).
        var opened = 0;
        var flaky = new IncomingFile("ke-hoach.txt", "text/plain", Plan.Length, _ => Interlocked.Increment(ref opened) == 1
            ? throw new InvalidOperationException("bộ đệm tải tệp hỏng")
            : Task.FromResult<Stream>(new MemoryStream(Plan)));
        var told = bot.NextOutcome();
        Assert.Empty(bot.Send(BackgroundImportBot.Upload("rev", "u-8", flaky)).Replies);
        var apology = await told;
        Assert.Contains("gặp lỗi khi đọc tệp kế hoạch “ke-hoach.txt” (đã ghi lại, mã lỗi #1)", apology.Text);
        Assert.Contains("Quản trị viên có thể cho đọc lại tệp này", apology.Text);

        var list = bot.Ask("/loi", "admin");
        Assert.Contains("từ trước đến nay: 1 (đọc tệp kế hoạch 1)", list.Text);
        Assert.Contains("test:rev · tệp ke-hoach.txt", list.Text);
        Assert.Contains("InvalidOperationException: bộ đệm tải tệp hỏng", list.Text);
        Assert.Contains(list.Buttons.SelectMany(r => r), b => b.Data == "e|run|1");
        Assert.Contains("Chỉ quản trị viên", bot.Press("e|run|1", "rev").Text);

        var drafted = bot.NextOutcome();
        Assert.Contains("Đã chạy lại lỗi #1: đã đưa tệp “ke-hoach.txt” vào hàng đọc lại", bot.Press("e|run|1", "admin").Text);
        var draft = await drafted;
        Assert.StartsWith("(Đọc lại tệp “ke-hoach.txt” bạn gửi lúc 20/04 09:00, khi đó bot gặp lỗi.)", draft.Text);
        Assert.Contains("(1/7) Số và ngày ban hành", draft.Text);
        Assert.Equal(3, bot.SentTo("rev").Count);
        Assert.Equal(draft.Text, bot.SentTo("rev")[^1]);
        Assert.Contains("đã được chạy lại", bot.Press("e|run|1", "admin").Text);
        // The draft is the reviewer's, as one read in the turn: its buttons act on it.
        var next = draft.Buttons.SelectMany(r => r).Single(b => b.Text == "Đúng").Data;
        Assert.Contains("(2/7)", bot.Press(next, "rev").Text);
    }

    [Fact]
    public async Task A_file_that_is_no_plan_is_refused_with_its_reason_and_not_kept_as_a_failure()
    {
        var time = new FakeTimeProvider(TestBot.April2024);
        await using var bot = new BackgroundImportBot(null, time, PlanAgain);
        bot.Register("rev", Role.Reviewer);
        bot.Start();
        bot.Ask("/nhapkehoach", "rev");
        var outcome = bot.NextOutcome();
        bot.Send(BackgroundImportBot.Upload("rev", "u-9", new IncomingFile("ke-hoach.docx", null, 4, _ => Task.FromResult<Stream>(new MemoryStream("rác"u8.ToArray())))));
        Assert.StartsWith("Không đọc được kế hoạch từ “ke-hoach.docx”", (await outcome).Text);
        Assert.Empty(bot.Failures.Counts());
    }
}
