using System.Text.RegularExpressions;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, item 4: a link code typed by someone else does not hand their nominations to the code's owner.
/// Linking needs the typist and the owner to agree, each shown who the other is; either side unlinks.
/// </summary>
public sealed class LinkingTests
{
    private static string LinkCode(string text) => Regex.Match(text, @"/lienket ([A-Z0-9]{8})").Groups[1].Value;

    [Fact]
    public async Task A_victim_typing_an_attackers_code_sees_whose_it_is_and_nothing_is_linked_without_both()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("victim", "Lò Thị An", "UBND xã Bản Vược");
        await t.Nominate("victim", "Nguyễn Văn Một");
        await t.JoinByInvitation("attacker", "Kẻ Gian", "UBND xã Cốc San");
        var code = LinkCode(FirstText(await t.Say("attacker", "/lienket")));

        var asked = await t.Say("victim", $"/lienket {code}");
        Assert.Contains("Mã liên kết này do Kẻ Gian — UBND xã Cốc San", FirstText(asked));
        Assert.Contains("Lò Thị An — UBND xã Bản Vược", FirstText(asked));
        // The owner cannot complete it alone, nor can anyone else press the typist's button.
        var id = Transcript.Button(asked, "Đúng").Split('|')[^1];
        Assert.Contains("không phải của bạn", FirstText(await t.Press("attacker", $"l|ok|{id}")));
        Assert.Contains("Không mở được", FirstText(await t.Press("attacker", "n|open|1")));
        Assert.Contains("Đã hủy yêu cầu liên kết", FirstText(await t.Press("victim", Transcript.Button(asked, "Không liên kết"))));
        Assert.Contains("đã xong hoặc đã hết hạn", FirstText(await t.Press("victim", $"l|ok|{id}")));

        using var db = t.Stored();
        Assert.Null(db.Officers.FindById("script:victim").LinkedTo);
        Assert.Null(db.Officers.FindById("script:attacker").LinkedTo);
    }

    [Fact]
    public async Task Two_accounts_of_one_person_link_when_both_agree_and_either_side_unlinks()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("tele", "Lò Thị An", "UBND xã Bản Vược");
        await t.Nominate("tele", "Nguyễn Văn Một");
        var code = LinkCode(FirstText(await t.Say("tele", "/lienket")));

        var asked = await t.Bot.SendAsync(new { chat = "zalo", name = "An Zalo", text = $"/lienket {code}" });
        var sent = await t.Press("zalo", Transcript.Button(asked, "Đúng"));
        var notice = Transcript.PushedTo(sent, "tele");
        Assert.Contains("“An Zalo” (chưa đăng ký)", notice.GetProperty("text").GetString());
        Assert.Contains("Lò Thị An — UBND xã Bản Vược", notice.GetProperty("text").GetString());
        Assert.DoesNotContain("LC-2024-0001", FirstText(await t.Say("zalo", "/cuatoi")));

        var linked = await t.Press("tele", "l|ok|1");
        Assert.Contains("Đã liên kết: Lò Thị An — UBND xã Bản Vược", FirstText(linked));
        Assert.Contains("Đã liên kết", Transcript.PushedTo(linked, "zalo").GetProperty("text").GetString());
        Assert.Contains("LC-2024-0001", FirstText(await t.Say("zalo", "/cuatoi")));

        var status = await t.Say("zalo", "/lienket");
        Assert.Contains("đang liên kết với Lò Thị An", FirstText(status));
        var unlinked = await t.Press("zalo", Transcript.Button(status, "Hủy liên kết"));
        Assert.Contains("đã được hủy", Transcript.PushedTo(unlinked, "tele").GetProperty("text").GetString());
        Assert.DoesNotContain("LC-2024-0001", FirstText(await t.Say("zalo", "/cuatoi")));

        using var db = t.Stored();
        Assert.Null(db.Officers.FindById("script:tele").LinkedTo);
    }
}
