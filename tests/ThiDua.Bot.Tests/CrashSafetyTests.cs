using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests;

/// <summary>A nomination the bot has confirmed survives the process being killed right after (kill -9, no graceful stop).</summary>
public class CrashSafetyTests
{
    [Fact]
    public async Task A_confirmed_nomination_survives_a_kill_right_after_the_confirmation()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-kill-").FullName, "bot.db");
        using var process = BotProcess.Start("chat", "--jsonl", "--now", "2024-05-01T09:00:00+07:00", $"--Storage:DatabasePath={db}");
        _ = process.StandardError.ReadToEndAsync();
        string[] lines =
        [
            """{"chat":"c1","text":"Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ"}""",
            """{"chat":"c1","text":"Nguyễn Thị Lan"}""",
            """{"chat":"c1","text":"UBND xã X"}""",
            """{"chat":"c1","button":"f|ok"}""",
        ];
        string? confirmation = null;
        foreach (var line in lines)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
            confirmation = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", confirmation);

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        using (var reopened = new BotDatabase(db))
        {
            var saved = Assert.Single(reopened.Nominations.FindAll());
            Assert.Equal("LC-2024-0001", saved.Code);
            Assert.Equal("Nguyễn Văn An", saved.NomineeName);
        }
        Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(512 * 1024)]
    public async Task Killed_in_the_middle_of_a_reminder_run_the_restart_sends_each_reminder_once_and_loses_none(int grownBytes)
    {
        using var temp = new ThiDua.Core.Tests.TempDatabase();
        const int Followers = 3000;
        using (var setup = new BotDatabase(temp.Path))
        {
            var created = new DateTime(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            setup.Follows.InsertBulk(Enumerable.Range(0, Followers).Select(i => new ThiDua.Core.Reminders.Follow
            {
                Id = ThiDua.Core.Reminders.Follow.KeyFor("script", $"c{i}", "lao-cai-217"),
                Channel = "script",
                ChatId = $"c{i}",
                CampaignId = "lao-cai-217",
                CreatedAt = created,
            }));
            setup.ReminderRuns.Upsert(new ThiDua.Core.Reminders.ReminderRun { CoveredUntil = new DateTime(2024, 6, 21, 2, 0, 0, DateTimeKind.Utc) });
        }

        // The run for 22/6 08:00 enqueues and sends thousands of reminders; the process is killed while it writes them,
        // once its log file has grown by the given size (the first write, or well into the run).
        using (var first = BotProcess.Start("chat", "--jsonl", "--now", "2024-06-21T09:00:00+07:00", $"--Storage:DatabasePath={temp.Path}"))
        {
            _ = first.StandardError.ReadToEndAsync();
            await first.StandardInput.WriteLineAsync("""{"chat":"warm","text":"/kehoach"}""");
            await first.StandardInput.FlushAsync();
            await first.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            using var log = new LogGrowth(temp.Path);
            var answered = first.StandardOutput.ReadLineAsync();
            await first.StandardInput.WriteLineAsync("""{"clock":"2024-06-22T08:00:00+07:00"}""");
            await first.StandardInput.FlushAsync();
            await log.WaitForAsync(grownBytes, answered);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
            // Killed mid-run: the output ended without the run's answer to its line, so it had not finished.
            Assert.Null(await answered.WaitAsync(TimeSpan.FromSeconds(10)));
        }
        int sentBefore;
        using (var reopened = new BotDatabase(temp.Path))
            sentBefore = reopened.Outbox.Count(m => m.Status == ThiDua.Core.Outbox.OutboxStatus.Sent);
        Assert.InRange(sentBefore, 0, Followers - 1);

        // Back at the same minute: whatever the killed run had not finished is caught up, nothing twice.
        using var session = new ScriptSession("--now", "2024-06-22T08:00:00+07:00", $"--Storage:DatabasePath={temp.Path}");
        var line = await session.Text("warm", "/kehoach");
        var pushedAfter = ScriptSession.Pushed(line).Count();
        session.Dispose();
        Assert.True(pushedAfter > 0, "the restart had nothing left to send: the kill came after the run");

        using var final = new BotDatabase(temp.Path);
        var all = final.Outbox.FindAll().ToList();
        Assert.True(all.Count >= Followers, $"{all.Count} reminders for {Followers} followers");
        Assert.All(all, m => Assert.Equal(ThiDua.Core.Outbox.OutboxStatus.Sent, m.Status));
        Assert.Equal(all.Count, sentBefore + pushedAfter);
        Assert.Equal(Followers, all.Select(m => m.ChatId).Distinct().Count());
    }
}
