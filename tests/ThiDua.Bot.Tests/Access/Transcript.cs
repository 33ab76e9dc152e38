using System.Text.Json;
using System.Text.RegularExpressions;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// A scripted-channel conversation for the access transcripts: the built bot over `chat --jsonl` with an
/// administrator ("admin"), on a database file that is read back once the bot has stopped.
/// </summary>
internal sealed partial class Transcript : IDisposable
{
    public const string Now = "2024-05-02T09:00:00+07:00";
    private readonly TempDatabase _db;
    private readonly bool _ownsDatabase;

    public Transcript(TempDatabase? db = null, params string[] extra)
    {
        _ownsDatabase = db is null;
        _db = db ?? new TempDatabase();
        Bot = new ScriptSession(["--now", Now, $"--Storage:DatabasePath={_db.Path}", "--Access:Admins:0=script:admin", .. extra]);
    }

    public ScriptSession Bot { get; }

    [GeneratedRegex(@"/start ([A-Z0-9]{8})")]
    private static partial Regex StartCode();

    public static string Entry(string nominee, string achievement = "hoàn thành xuất sắc nhiệm vụ") =>
        $"Đề nghị BK CT tỉnh cho đ/c {nominee}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: {achievement}";

    public Task<JsonElement> Say(string chat, string text) => Bot.Text(chat, text);

    public Task<JsonElement> Press(string chat, string button) => Bot.Press(chat, button);

    /// <summary>A member of a group chat writes (the scripted channel's "user" differs from "chat").</summary>
    public Task<JsonElement> SayIn(string group, string user, string text) => Bot.SendAsync(new { chat = group, user, text });

    public Task<JsonElement> PressIn(string group, string user, string button) => Bot.SendAsync(new { chat = group, user, button });

    /// <summary>The code an invitation reply gives ("/start CODE").</summary>
    public async Task<string> Invite(string who, string command)
    {
        var reply = FirstText(await Say(who, command));
        return StartCode().Match(reply) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException(reply);
    }

    /// <summary>An officer joins a unit through an administrator's invitation (a member at once).</summary>
    public async Task JoinByInvitation(string chat, string name, string unit)
    {
        var code = await Invite("admin", $"/moi {unit}");
        Assert.Contains("Mã mời hợp lệ", FirstText(await Say(chat, $"/start {code}")));
        Assert.Contains($"Đã đăng ký: {name}", AllText(await Say(chat, name)));
    }

    /// <summary>A reviewer of Lào Cai, invited by the administrator, then made a member of their office by an invitation to it.</summary>
    public async Task Reviewer(string chat, string name, string office = "Ban Thi đua - Khen thưởng tỉnh Lào Cai")
    {
        var code = await Invite("admin", "/moi thamdinh lao-cai-217");
        Assert.Contains("Mã mời hợp lệ", FirstText(await Say(chat, $"/start {code}")));
        await Say(chat, name);
        Assert.Contains($"Đã đăng ký: {name}", AllText(await Say(chat, office)));
        var unitCode = await Invite("admin", $"/moi {office}");
        Assert.Contains($"Đã cập nhật: {name}", FirstText(await Say(chat, $"/start {unitCode}")));
    }

    /// <summary>Saves a nomination from one message; returns its code.</summary>
    public async Task<string> Nominate(string chat, string nominee)
    {
        await Say(chat, Entry(nominee));
        var saved = FirstText(await Press(chat, "f|ok"));
        return Regex.Match(saved, @"LC-2024-\d{4}") is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException(saved);
    }

    public static IEnumerable<string> ButtonData(JsonElement line) =>
        line.GetProperty("replies").EnumerateArray()
            .SelectMany(r => r.TryGetProperty("buttons", out var rows) ? rows.EnumerateArray().SelectMany(row => row.EnumerateArray()) : [])
            .Select(b => b.GetProperty("data").GetString()!);

    public static string Button(JsonElement line, string label) =>
        line.GetProperty("replies").EnumerateArray()
            .SelectMany(r => r.TryGetProperty("buttons", out var rows) ? rows.EnumerateArray().SelectMany(row => row.EnumerateArray()) : [])
            .First(b => b.GetProperty("text").GetString()!.Contains(label, StringComparison.Ordinal)).GetProperty("data").GetString()!;

    public static JsonElement PushedTo(JsonElement line, string chat) => Pushed(line).Single(p => p.GetProperty("chat").GetString() == chat);

    /// <summary>Stops the bot (end of input) and opens what it stored.</summary>
    public BotDatabase Stored()
    {
        Bot.Dispose();
        return new BotDatabase(_db.Path);
    }

    public void Dispose()
    {
        Bot.Dispose();
        if (_ownsDatabase) _db.Dispose();
    }
}
