using System.Text.Json;

namespace ThiDua.Bot.Tests;

/// <summary>The scripted channel as a separate process, the way scripts and CI drive it: stdout carries only JSON lines.</summary>
public class ScriptedProcessTests
{
    [Fact]
    public async Task Built_binary_answers_line_by_line_with_logs_on_stderr_only()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-proc-").FullName, "bot.db");
        using var process = BotProcess.Start("chat", "--jsonl", "--now", "2024-04-20T09:00:00+07:00", $"--Storage:DatabasePath={db}", "--Logging:LogLevel:Default=Information");
        var stderr = process.StandardError.ReadToEndAsync();

        // One line at a time: each answer must arrive before the next question is sent (flushed per line).
        await process.StandardInput.WriteLineAsync("""{"chat":"c1","text":"Có những kế hoạch thi đua nào?"}""");
        await process.StandardInput.FlushAsync();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.StandardInput.WriteLineAsync("not json");
        await process.StandardInput.WriteLineAsync("");
        await process.StandardInput.WriteLineAsync("""{"chat":"c1","text":"hạn nộp báo cáo đợt 1 lào cai"}""");
        process.StandardInput.Close();
        var rest = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);

        Assert.Equal(0, process.ExitCode);
        var lines = new[] { first! }.Concat(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.True(JsonDocument.Parse(lines[0]).RootElement.GetProperty("replies").GetArrayLength() >= 1);
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
        Assert.Contains("30/6/2024", lines[2]);
        Assert.Contains("Đã nạp", await stderr);
    }

    [Fact]
    public async Task An_impossible_database_path_is_a_clear_start_up_error()
    {
        using var process = BotProcess.Start("chat", "--jsonl", "--Storage:DatabasePath=/proc/thidua/impossible/bot.db");
        process.StandardInput.Close();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Không mở được cơ sở dữ liệu", stderr);
        Assert.Contains("/proc/thidua/impossible/bot.db", stderr);
    }
}
