using System.Text.Json;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, item 1: naming an existing unit (typed or by button) is a request to join it, approved by the
/// unit's officers or a reviewer; until then the newcomer sees and submits nothing of the unit, only drafts
/// of their own. A new unit's first officer waits for a reviewer. Erasing one's data and registering again
/// is no way around it.
/// </summary>
public sealed class JoiningUnitsTests
{
    private static string PushedButton(JsonElement line, string chat, string label) =>
        Transcript.PushedTo(line, chat).GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .First(b => b.GetProperty("text").GetString()!.Contains(label, StringComparison.Ordinal)).GetProperty("data").GetString()!;

    private static async Task<JsonElement> Register(Transcript t, string chat, string name, string unit)
    {
        await t.Say(chat, "/dangky");
        await t.Say(chat, name);
        var registered = await t.Say(chat, unit);
        // Registration goes on into the form /dangky asked for; these tests nominate in one message instead.
        await t.Say(chat, "/huy");
        return registered;
    }

    [Fact]
    public async Task A_newcomer_to_an_existing_unit_waits_for_its_officer_and_sees_only_their_own_until_then()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        Assert.Equal("LC-2024-0001", await t.Nominate("a", "Nguyễn Văn Một"));

        var asked = await Register(t, "n", "Hà Văn Mới", "UBND xã Bản Vược");
        Assert.Contains("Đơn vị này đã có cán bộ; cần mã mời của cán bộ đơn vị hoặc xác nhận của cán bộ thẩm định", AllText(asked));
        Assert.Contains("Hà Văn Mới xin làm cán bộ UBND xã Bản Vược", Transcript.PushedTo(asked, "a").GetProperty("text").GetString());

        // Waiting: the unit's nominations are out of reach; their own draft is kept but not submitted.
        Assert.Contains("chưa được xác nhận", FirstText(await t.Press("n", "n|unit")));
        Assert.Contains("Không mở được", FirstText(await t.Press("n", "n|open|1")));
        Assert.Equal("LC-2024-0002", await t.Nominate("n", "Giàng A Hai"));
        var mine = await t.Say("n", "/cuatoi");
        Assert.DoesNotContain("LC-2024-0001", FirstText(mine));
        Assert.DoesNotContain("n|unit", Transcript.ButtonData(mine));
        Assert.Contains("chưa nộp được", FirstText(await t.Press("n", "n|submitok|2")));
        Assert.DoesNotContain("LC-2024-0002", FirstText(await t.Press("a", "n|unit")));

        var approved = await t.Press("a", PushedButton(asked, "a", "Đồng ý"));
        Assert.Contains("Đã xác nhận Hà Văn Mới là cán bộ UBND xã Bản Vược", FirstText(approved));
        Assert.Contains("đã xác nhận bạn là cán bộ UBND xã Bản Vược", Transcript.PushedTo(approved, "n").GetProperty("text").GetString());
        Assert.Contains("LC-2024-0001", FirstText(await t.Press("n", "n|unit")));
        Assert.Contains("Đã nộp", FirstText(await t.Press("n", "n|submitok|2")));

        using var db = t.Stored();
        Assert.False(db.Officers.FindById("script:n").JoinPending);
        Assert.Equal("ubnd xa ban vuoc", db.Nominations.FindById(2).UnitKey);
    }

    [Fact]
    public async Task Erasing_ones_data_and_registering_into_another_unit_is_a_request_the_unit_can_refuse()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        await t.Nominate("a", "Nguyễn Văn Một");
        await t.JoinByInvitation("b", "Vàng Văn Bình", "UBND xã Cốc San");
        var data = await t.Say("b", "/xoadulieu");
        await t.Press("b", Transcript.Button(data, "Xóa dữ liệu"));

        var asked = await Register(t, "b", "Vàng Văn Bình", "UBND xã Bản Vược");
        Assert.Contains("cần mã mời", AllText(asked));
        Assert.Contains("Không mở được", FirstText(await t.Press("b", "n|open|1")));
        var refused = await t.Press("a", PushedButton(asked, "a", "Từ chối"));
        Assert.Contains("không được đồng ý", Transcript.PushedTo(refused, "b").GetProperty("text").GetString());
        // A decided request cannot be pressed again.
        Assert.Contains("đã được xử lý", FirstText(await t.Press("a", PushedButton(asked, "a", "Đồng ý"))));

        using var db = t.Stored();
        var b = db.Officers.FindById("script:b");
        Assert.Null(b.UnitKey);
        Assert.False(b.IsMember);
    }

    [Fact]
    public async Task A_new_units_first_officer_waits_for_a_reviewer_who_confirms_unit_and_officer()
    {
        using var t = new Transcript();
        var asked = await Register(t, "f", "Lù Văn Đầu", "UBND xã Mới Lập");
        Assert.Contains("Đơn vị mới: chờ cán bộ thẩm định xác nhận", AllText(asked));
        Assert.Contains("chưa được xác nhận", FirstText(await t.Press("f", "n|unit")));
        // Nobody else of the unit can confirm them; the administrator (a reviewer) does.
        await t.JoinByInvitation("x", "Người Khác", "UBND xã Cốc San");
        Assert.Contains("Chỉ cán bộ đã được xác nhận", FirstText(await t.Press("x", PushedButton(asked, "admin", "Đồng ý"))));
        var waiting = await t.Say("admin", "/donvi");
        Assert.Contains("1 yêu cầu tham gia đơn vị", FirstText(waiting));
        Assert.Equal(PushedButton(asked, "admin", "Đồng ý"), Transcript.Button(waiting, "Đồng ý: Lù Văn Đầu — UBND xã Mới Lập"));
        Assert.Contains("Chỉ cán bộ đã được xác nhận", FirstText(await t.Say("f", "/donvi")));
        var confirmed = await t.Press("admin", PushedButton(asked, "admin", "Đồng ý"));
        Assert.Contains("Đã xác nhận Lù Văn Đầu", FirstText(confirmed));

        using var db = t.Stored();
        Assert.True(db.Units.FindById("ubnd xa moi lap").Confirmed);
        Assert.True(db.Officers.FindById("script:f").IsMember);
    }
}
