using System.Diagnostics;
using System.Text.Json;

namespace ThiDua.Benchmarks;

/// <summary>N questions through the bot's Release build (`dotnet ThiDua.Bot.dll chat --jsonl`), wall-clock, start-up included.</summary>
internal static class ScriptedThroughput
{
    public static async Task<int> RunAsync(int count)
    {
        var root = DataFolder.Root;
        var db = Path.Combine(Path.GetTempPath(), $"thidua-bench-{Guid.NewGuid():N}.db");
        // The Release build this benchmark was built with, started as it runs in production: no `dotnet run` in between.
        var bot = Path.Combine(root, "src", "ThiDua.Bot", "bin", "Release", "net10.0", "ThiDua.Bot.dll");
        var start = new ProcessStartInfo("dotnet", [bot,
            "chat", "--jsonl", "--now", "2024-04-20T09:00:00+07:00", $"--Storage:DatabasePath={db}"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var sw = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var reader = Task.Run(async () =>
        {
            var lines = 0;
            while (await process.StandardOutput.ReadLineAsync() is not null) lines++;
            return lines;
        });
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var line = JsonSerializer.Serialize(new { chat = $"c{i % 50}", text = Questions.Mixed[i % Questions.Mixed.Length] });
                await process.StandardInput.WriteLineAsync(line);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            Console.Error.WriteLine("The bot stopped reading: " + await errors);
            return 1;
        }
        var answered = await reader;
        await process.WaitForExitAsync();
        sw.Stop();
        File.Delete(db);
        Console.WriteLine($"scripted channel: {answered:N0}/{count:N0} answered in {sw.Elapsed.TotalSeconds:F2} s ({count / sw.Elapsed.TotalSeconds:N0} questions/s, start-up included)");
        return answered == count ? 0 : 1;
    }
}
