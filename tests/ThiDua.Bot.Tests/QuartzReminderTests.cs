using System.Collections.Concurrent;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Tests;

/// <summary>The real host with the real Quartz scheduler: a followed deadline's reminder reaches the console on time.</summary>
public class QuartzReminderTests
{
    /// <summary>Console input typed by the test, line by line; ReadLine waits like a person would.</summary>
    private sealed class TypedInput : TextReader
    {
        private readonly BlockingCollection<string?> _lines = [];

        public void Type(string? line) => _lines.Add(line);

        public override string? ReadLine() => _lines.Take();

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(_lines.Take(cancellationToken));

        protected override void Dispose(bool disposing)
        {
            if (disposing) _lines.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Console output the test can read while the bot writes.</summary>
    private sealed class SharedOutput : StringWriter
    {
        private readonly Lock _lock = new();

        public override void Write(char value) { lock (_lock) base.Write(value); }

        public override void Write(string? value) { lock (_lock) base.Write(value); }

        public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

        public override Task WriteLineAsync(string? value) { Write(value + NewLine); return Task.CompletedTask; }

        public override Task WriteLineAsync() { Write(NewLine); return Task.CompletedTask; }

        public string Text { get { lock (_lock) return ToString(); } }
    }

    [Fact]
    public async Task The_7_day_reminder_is_pushed_to_the_console_by_the_Quartz_job()
    {
        var db = Path.Combine(Path.GetTempPath(), $"thidua-quartz-{Guid.NewGuid():N}.db");
        using var input = new TypedInput();
        using var output = new SharedOutput();
        // Ten seconds before 08:00 on 22/6/2024, a week before the đợt 1 report; the job runs every second.
        var run = BotProgram.RunAsync(["--now", "2024-06-22T07:59:50+07:00", $"--Storage:DatabasePath={db}", "--Reminders:Cron=* * * * * ?"], input, output);
        try
        {
            input.Type("/nhacviec");
            await WaitFor(output, "Chọn kế hoạch");
            input.Type("4"); // Lào Cai, the fourth plan listed
            await WaitFor(output, "Đã bật nhắc hạn cho Lào Cai");
            await WaitFor(output, "⏰ Nhắc hạn: Báo cáo kết quả thực hiện phong trào thi đua Đợt 1", TimeSpan.FromSeconds(40));
            Assert.Contains("còn 7 ngày nữa", output.Text);
        }
        finally
        {
            input.Type("/thoat");
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            File.Delete(db);
            File.Delete(db + ".lock");
        }
    }

    private static async Task WaitFor(SharedOutput output, string text, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!output.Text.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"'{text}' did not appear. Output:\n{output.Text}");
            await Task.Delay(100);
        }
    }
}
