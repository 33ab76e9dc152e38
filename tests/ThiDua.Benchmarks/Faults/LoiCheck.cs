using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ThiDua.Benchmarks.Faults;

/// <summary>What /loi shows an administrator on the same database afterwards (through the scripted channel): the undelivered messages it counts.</summary>
internal static partial class LoiCheck
{
    public static async Task<int> UndeliveredAsync(string database, DateTimeOffset now)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Bot.dll"), "chat", "--jsonl",
            "--now", now.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), $"--Storage:DatabasePath={database}", "--Access:Admins:0=script:admin"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _ = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteLineAsync("""{"chat":"admin","text":"/loi"}""");
        process.StandardInput.Close();
        var line = await process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("/loi got no answer");
        await process.WaitForExitAsync();
        var text = JsonDocument.Parse(line).RootElement.GetProperty("replies")[0].GetProperty("text").GetString() ?? "";
        return Undelivered().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"kênh outbox (\d+)")]
    private static partial Regex Undelivered();
}
