using System.Text.RegularExpressions;
using ThiDua.Core.Nominations;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, item 6: whoever created, submitted or belongs to the proposing unit of a nomination (through any
/// linked identity) cannot appraise or decide it; drafts never submitted are not a reviewer's to open.
/// </summary>
public sealed class SeparationOfDutiesTests
{
    [Fact]
    public async Task A_reviewer_cannot_appraise_their_own_or_their_units_nomination_nor_open_a_draft()
    {
        using var t = new Transcript();
        await t.Reviewer("rev", "Trần Văn Thẩm");
        await t.Reviewer("rev2", "Đỗ Thị Duyệt");

        // A reviewer nominates themselves and submits it.
        Assert.Equal("LC-2024-0001", await t.Nominate("rev", "Trần Văn Thẩm"));
        Assert.Contains("Đã nộp", FirstText(await t.Press("rev", "n|submitok|1")));
        foreach (var move in new[] { "v|m|1|UnderReview", "v|r|1", "v|d|1" })
            Assert.Contains("bạn lập đề nghị này", FirstText(await t.Press("rev", move)));
        var opened = await t.Press("rev", "v|o|1");
        Assert.Contains("Bạn không thẩm định đề nghị này", FirstText(opened));
        Assert.DoesNotContain(Transcript.ButtonData(opened), d => d.StartsWith("v|m|", StringComparison.Ordinal) || d.StartsWith("v|r|", StringComparison.Ordinal));
        // A colleague of the same office cannot either, nor the reviewer's own linked Zalo account.
        Assert.Contains("bạn thuộc đơn vị đề nghị", FirstText(await t.Press("rev2", "v|m|1|UnderReview")));
        var code = Regex.Match(FirstText(await t.Say("rev", "/lienket")), @"/lienket ([A-Z0-9]{8})").Groups[1].Value;
        await t.Press("revzalo", Transcript.Button(await t.Say("revzalo", $"/lienket {code}"), "Đúng"));
        await t.Press("rev", "l|ok|1");
        Assert.Contains("bạn lập đề nghị này", FirstText(await t.Press("revzalo", "v|m|1|UnderReview")));

        // A draft of a commune, never submitted, is not the reviewer's to open.
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        Assert.Equal("LC-2024-0002", await t.Nominate("a", "Nguyễn Văn Một"));
        Assert.Contains("Không mở được", FirstText(await t.Press("rev", "v|o|2")));
        Assert.Contains("Không mở được", FirstText(await t.Press("rev", "n|open|2")));

        // An independent reviewer (the administrator, of no unit) moves it on.
        Assert.Contains("đã nộp → đang thẩm định", FirstText(await t.Press("admin", "v|m|1|UnderReview")));

        using var db = t.Stored();
        var n = db.Nominations.FindById(1);
        Assert.Equal(NominationStatus.UnderReview, n.Status);
        Assert.Equal([("script:rev", NominationStatus.Submitted), ("script:admin", NominationStatus.UnderReview)], n.History.Select(h => (h.ByKey, h.To)).ToArray());
    }
}
