using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using MiniExcelLibs;
using ThiDua.Core.Tests;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests;

/// <summary>
/// Two officers of different units and one reviewer, as new users would meet the bot through the scripted
/// channel, with a bootstrap administrator from the command line: invitations, nominations, a return with a
/// reason and its notice, re-submission, exports read back; and every cross-unit or forged attempt refused.
/// </summary>
public sealed partial class ReviewWorkflowTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [GeneratedRegex(@"/start ([A-Z0-9]{8})")]
    private static partial Regex Code();

    private static async Task<string> Invite(ScriptSession bot, string what)
    {
        var reply = FirstText(await bot.Text("admin", what));
        return Code().Match(reply) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException(reply);
    }

    private static async Task Join(ScriptSession bot, string chat, string code, string name, string? unit = null)
    {
        Assert.Contains("Mã mời hợp lệ", FirstText(await bot.Text(chat, $"/start {code}")));
        var afterName = AllText(await bot.Text(chat, name));
        if (unit is not null) afterName = AllText(await bot.Text(chat, unit));
        Assert.Contains($"Đã đăng ký: {name}", afterName);
    }

    private static async Task<string> Nominate(ScriptSession bot, string chat, string nominee, string unit)
    {
        await bot.Text(chat, $"Đề nghị BK CT tỉnh cho đ/c {nominee}, Chỉ huy trưởng Ban CHQS {unit}, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");
        var saved = FirstText(await bot.Press(chat, "f|ok"));
        return Regex.Match(saved, @"LC-2024-\d{4}").Value;
    }

    [Fact]
    public async Task Two_officers_and_a_reviewer_go_through_return_fix_resubmit_and_export()
    {
        using var bot = new ScriptSession("--now", "2024-05-02T09:00:00+07:00", $"--Storage:DatabasePath={_db.Path}", "--Access:Admins:0=script:admin");

        await Join(bot, "rev", await Invite(bot, "/moi thamdinh lao-cai-217"), "Trần Văn Thẩm", "Ban Thi đua - Khen thưởng tỉnh Lào Cai");
        await Join(bot, "a", await Invite(bot, "/moi UBND xã Bản Vược"), "Lò Thị An");
        await Join(bot, "b", await Invite(bot, "/moi UBND xã Cốc San"), "Vàng Văn Bình");

        Assert.Equal("LC-2024-0001", await Nominate(bot, "a", "Nguyễn Văn Một", "xã Bản Vược"));
        Assert.Equal("LC-2024-0002", await Nominate(bot, "b", "Giàng A Hai", "xã Cốc San"));
        Assert.Contains("Đã nộp", FirstText(await bot.Press("a", "n|submitok|1")));
        Assert.Contains("Đã nộp", FirstText(await bot.Press("b", "n|submitok|2")));

        // Each officer sees only their own; the other unit's nomination cannot be opened, changed or reviewed.
        var mineA = FirstText(await bot.Text("a", "/cuatoi"));
        Assert.Contains("LC-2024-0001", mineA);
        Assert.DoesNotContain("LC-2024-0002", mineA);
        Assert.DoesNotContain("LC-2024-0002", FirstText(await bot.Press("a", "n|unit")));
        foreach (var forged in new[] { "n|open|2", "n|withdraw|2", "n|edit|2", "v|o|2", "v|m|2|UnderReview", "v|r|2", "v|q|lao-cai-217", "v|x|lao-cai-217|all", "h|u|ubnd xa coc san", "i|rev|lao-cai-217" })
            Assert.Matches("không|Chỉ|dành cho", FirstText(await bot.Press("a", forged)));
        Assert.Contains("dành cho cán bộ thẩm định", FirstText(await bot.Text("b", "/duyet")));

        // The reviewer's queue: both, with quotas.
        var queue = FirstText(await bot.Text("rev", "/duyet"));
        Assert.Contains("LC-2024-0001", queue);
        Assert.Contains("LC-2024-0002", queue);
        Assert.Contains("Đang thẩm định", FirstText(await bot.Press("rev", "v|m|1|UnderReview")).Replace("đang thẩm định", "Đang thẩm định", StringComparison.Ordinal));
        Assert.Contains("Lý do trả lại", FirstText(await bot.Press("rev", "v|r|1")));
        var returned = await bot.Text("rev", "Thiếu báo cáo thành tích có xác nhận của UBND xã");
        Assert.Contains("đang thẩm định → trả lại", FirstText(returned));
        var notice = Assert.Single(Pushed(returned));
        Assert.Equal("a", notice.GetProperty("chat").GetString());
        Assert.Contains("Thiếu báo cáo thành tích", notice.GetProperty("text").GetString());

        // The officer fixes it and submits again.
        Assert.Contains("Bị trả lại", FirstText(await bot.Press("a", "n|open|1")));
        await bot.Press("a", "n|edit|1");
        await bot.Text("a", "sửa thành tích: hoàn thành xuất sắc nhiệm vụ năm 2023, có báo cáo thành tích kèm theo");
        Assert.Contains("LC-2024-0001", FirstText(await bot.Press("a", "f|ok")));
        Assert.Contains("Đã nộp lại", FirstText(await bot.Press("a", "n|submitok|1")));

        await bot.Press("rev", "v|m|1|UnderReview");
        var presented = await bot.Press("rev", "v|m|1|Presented");
        Assert.Contains("đã trình", Assert.Single(Pushed(presented)).GetProperty("text").GetString());
        await bot.Press("rev", "v|m|2|UnderReview");

        // Exports: the trích ngang of everything, and the Tờ trình draft of what is under review or presented.
        var excel = (await bot.Press("rev", "v|x|lao-cai-217|all")).GetProperty("replies")[0].GetProperty("file").GetString()!;
        var rows = MiniExcel.Query(excel, useHeaderRow: true, startCell: $"A{ThiDua.Core.Nominations.TrichNgangExport.HeaderRow}").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["Nguyễn Văn Một", "Giàng A Hai"], rows.Select(r => r["Họ tên / tên tập thể"]?.ToString() ?? "").ToArray());
        Assert.Contains(rows, r => r["Trạng thái"]?.ToString() == "đã trình");

        var docx = (await bot.Press("rev", "v|t|lao-cai-217")).GetProperty("replies")[0].GetProperty("file").GetString()!;
        using var word = WordprocessingDocument.Open(docx, false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("TỜ TRÌNH", text);
        Assert.Contains("Bằng khen", text);
        Assert.Contains("Nguyễn Văn Một", text);
        Assert.Contains("Giàng A Hai", text);

        // The history keeps every step with who made it.
        var history = FirstText(await bot.Press("rev", "v|o|1"));
        Assert.Contains("trả lại (Trần Văn Thẩm): Thiếu báo cáo", history);
        Assert.Contains("đang thẩm định → đã trình", history);
    }
}
