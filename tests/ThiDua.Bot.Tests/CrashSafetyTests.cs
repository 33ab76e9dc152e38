using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests;

/// <summary>A nomination the bot has confirmed survives the process being killed right after (kill -9, no graceful stop).</summary>
public class CrashSafetyTests
{
    [Fact]
    public async Task A_confirmed_nomination_survives_a_kill_right_after_the_confirmation()
    {
        var db = Path.Combine(Path.GetTempPath(), $"thidua-kill-{Guid.NewGuid():N}.db");
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
        File.Delete(db);
        File.Delete(Path.ChangeExtension(db, null) + "-log.db");
    }
}
