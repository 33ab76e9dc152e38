using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>
/// The built bot on Telegram (a fake Bot API server) with Logging:Console:FormatterName=json, as a log collector
/// reads it: every stderr line is one JSON object; a chat is named by its hash, never by its id; no token, no nominee.
/// </summary>
public sealed partial class JsonLogTests
{
    private const long Chat = 7_712_345_678;
    private const string Nominee = "Hoàng Thị Kín Đáo";

    [GeneratedRegex("^#[0-9a-f]{10}$")]
    private static partial Regex Pseudonym();

    [Fact]
    public async Task Json_log_lines_parse_and_name_the_chat_by_its_hash_never_by_its_id_the_token_or_the_nominee()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        var folder = Directory.CreateTempSubdirectory("thidua-jsonlog-").FullName;
        using var bot = BotProcess.Start("run", $"--Telegram:Token={server.Token}", $"--Telegram:ApiBaseUrl={server.BaseUrl}", "--Telegram:PollTimeoutSeconds=1",
            $"--Storage:DatabasePath={Path.Combine(folder, "bot.db")}", "--Logging:Console:FormatterName=json", "--Logging:LogLevel:Default=Debug");
        var errors = bot.StandardError.ReadToEndAsync();
        string log;
        try
        {
            // An officer not yet confirmed asks for a reviewer's screen (refused, and the refusal is logged), then types a nomination.
            server.EnqueueText(Chat, Chat, "/donvi");
            await server.WaitForMessageAsync(m => m.ChatId == Chat && m.Text?.Contains("Chỉ cán bộ đã được xác nhận", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
            server.EnqueueText(Chat, Chat, $"Đề nghị BK CT tỉnh cho đ/c {Nominee}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, thành tích: hoàn thành xuất sắc nhiệm vụ");
            await server.WaitForMessageAsync(m => m.ChatId == Chat && m.Text?.Contains("13/2023", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
        }
        finally
        {
            // SIGTERM: the host stops as systemd or docker stop it, and the console logger flushes what it queued.
            using (var term = Process.Start("kill", ["-TERM", bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            await bot.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            log = await errors;
            Directory.Delete(folder, recursive: true);
        }

        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Message", out _) && e.TryGetProperty("Timestamp", out _)));

        var refusal = Assert.Single(entries, e => e.GetProperty("Message").GetString()!.StartsWith("Từ chối /donvi của #", StringComparison.Ordinal));
        Assert.Equal("Warning", refusal.GetProperty("LogLevel").GetString());
        var actor = refusal.GetProperty("State").GetProperty("Actor").GetString()!;
        Assert.Matches(Pseudonym(), actor);
        var scope = refusal.GetProperty("Scopes").EnumerateArray().Single(s => s.TryGetProperty("Chat", out _));
        Assert.Matches(Pseudonym(), scope.GetProperty("Chat").GetString()!);
        Assert.Equal("telegram", scope.GetProperty("Channel").GetString());
        Assert.Equal($"chat {scope.GetProperty("Chat").GetString()} (telegram)", scope.GetProperty("Message").GetString());

        Assert.DoesNotContain(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), log);
        Assert.DoesNotContain(server.Token, log);
        Assert.DoesNotContain(server.Token.Split(':')[1], log);
        // Decoded too: an escaped name (\u00ED) would pass a check on the raw text.
        var decoded = entries.SelectMany(Strings).ToList();
        Assert.DoesNotContain(decoded, v => v.Contains("Kín Đáo", StringComparison.Ordinal) || v.Contains(Chat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.DoesNotContain("Kín Đáo", log);
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
