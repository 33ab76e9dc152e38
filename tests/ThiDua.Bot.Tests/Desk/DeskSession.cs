using System.Text.RegularExpressions;
using ThiDua.Core.Tests;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Desk;

/// <summary>
/// The built bot over the scripted channel with the web desk on a free port, as an office would run it for a test:
/// an administrator, a reviewer of the Lào Cai plan and two officers of different units, each registered by invitation.
/// </summary>
internal sealed partial class DeskSession : IDisposable
{
    public const string Admin = "admin", Reviewer = "rev", OfficerA = "a", OfficerB = "b";

    private readonly TempDatabase _db = new();

    public ScriptSession Bot { get; private set; }

    private DeskSession(string now) => Bot = Start(now);

    private ScriptSession Start(string now) =>
        new("--now", now, $"--Storage:DatabasePath={_db.Path}", $"--Access:Admins:0=script:{Admin}", "--Urls=http://127.0.0.1:0");

    public static async Task<DeskSession> StartAsync(string now = "2024-05-02T09:00:00+07:00")
    {
        var session = new DeskSession(now);
        await session.Join(Reviewer, await session.Invite("/moi thamdinh lao-cai-217"), "Trần Văn Thẩm", "Ban Thi đua - Khen thưởng tỉnh Lào Cai");
        await session.Join(OfficerA, await session.Invite("/moi UBND xã Bản Vược"), "Lò Thị An");
        await session.Join(OfficerB, await session.Invite("/moi UBND xã Cốc San"), "Vàng Văn Bình");
        return session;
    }

    /// <summary>The bot stopped and started again on the same database (it listens on a new port).</summary>
    public void Restart(string now)
    {
        Bot.Dispose();
        Bot = Start(now);
    }

    [GeneratedRegex(@"/start ([A-Z0-9]{8})")]
    private static partial Regex Code();

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/desk/signin/\S+")]
    private static partial Regex Link();

    /// <summary>The one-time link /web gives this chat.</summary>
    public async Task<string> SignInLink(string chat)
    {
        var reply = FirstText(await Bot.Text(chat, "/web"));
        return Link().Match(reply) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException(reply);
    }

    /// <summary>A small real PDF on disk, for an officer to send as a dossier file.</summary>
    public static string PdfFile(string name)
    {
        var folder = Directory.CreateTempSubdirectory("thidua-desk-").FullName;
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return path;
    }

    /// <summary>Where a redirect sends the browser, as a path ("/desk/signin?loi=1"), whether the server wrote it absolute or not.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } to ? null : to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString;

    public static string BaseOf(string link) => link[..link.IndexOf("/desk/", StringComparison.Ordinal)];

    /// <summary>A nomination typed in one message and saved: its code.</summary>
    public async Task<string> Nominate(string chat, string nominee, bool submit = true, string achievement = "hoàn thành xuất sắc nhiệm vụ")
    {
        await Bot.Text(chat, $"Đề nghị BK CT tỉnh cho đ/c {nominee}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: {achievement}");
        var saved = FirstText(await Bot.Press(chat, "f|ok"));
        var code = Regex.Match(saved, @"LC-2024-\d{4}").Value;
        if (submit) Assert.Contains("Đã nộp", FirstText(await Bot.Press(chat, $"n|submitok|{int.Parse(code[^4..], System.Globalization.CultureInfo.InvariantCulture)}")));
        return code;
    }

    private async Task<string> Invite(string what)
    {
        var reply = FirstText(await Bot.Text(Admin, what));
        return Code().Match(reply) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException(reply);
    }

    private async Task Join(string chat, string code, string name, string? unit = null)
    {
        Assert.Contains("Mã mời hợp lệ", FirstText(await Bot.Text(chat, $"/start {code}")));
        var afterName = AllText(await Bot.Text(chat, name));
        if (unit is not null) afterName = AllText(await Bot.Text(chat, unit));
        Assert.Contains($"Đã đăng ký: {name}", afterName);
    }

    public void Dispose()
    {
        Bot.Dispose();
        _db.Dispose();
    }
}
