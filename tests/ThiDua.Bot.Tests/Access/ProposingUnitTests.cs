using ThiDua.Core.Access;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, item 3: the proposing unit is the officer's registered one (a typed other unit is refused), and a
/// handover checks every nomination and both officers' units, so nominations never move across units.
/// </summary>
public sealed class ProposingUnitTests
{
    [Fact]
    public async Task An_officer_cannot_file_under_another_unit()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        await t.Say("a", Transcript.Entry("Nguyễn Văn Một"));
        var refused = FirstText(await t.Say("a", "sửa đơn vị đề nghị: UBND xã Cốc San"));
        Assert.Contains("Đơn vị đề nghị là đơn vị bạn đã đăng ký (UBND xã Bản Vược)", refused);
        Assert.DoesNotContain("Đơn vị đề nghị: UBND xã Cốc San", refused);
        Assert.Contains("Đã lưu", FirstText(await t.Press("a", "f|ok")));

        using var db = t.Stored();
        var n = Assert.Single(db.Nominations.FindAll());
        Assert.Equal(("UBND xã Bản Vược", "ubnd xa ban vuoc"), (n.ProposingUnit, n.UnitKey));
    }

    [Fact]
    public async Task A_handover_stops_when_any_nomination_belongs_to_another_unit()
    {
        using var data = new TempDatabase();
        // An older file: one officer's second nomination was typed for another commune.
        using (var db = new BotDatabase(data.Path))
        {
            db.Units.Insert(new Unit { Key = "ubnd xa ban vuoc", Name = "UBND xã Bản Vược", Confirmed = true });
            db.Officers.Insert(new OfficerProfile { UserKey = "script:old", Name = "Cán Bộ Cũ", Unit = "UBND xã Bản Vược", UnitKey = "ubnd xa ban vuoc" });
            db.Officers.Insert(new OfficerProfile { UserKey = "script:new", Name = "Cán Bộ Mới", Unit = "UBND xã Bản Vược", UnitKey = "ubnd xa ban vuoc" });
            foreach (var (id, unit) in new[] { (1, "UBND xã Bản Vược"), (2, "UBND xã Cốc San") })
                db.Nominations.Insert(new Nomination
                {
                    Id = id,
                    Code = $"LC-2024-000{id}",
                    OwnerKey = "script:old",
                    CampaignId = "lao-cai-217",
                    PhaseId = "dot-1",
                    NomineeName = $"Người {id}",
                    ProposingUnit = unit,
                    UnitKey = Core.Text.VietnameseText.Fold(unit),
                    Status = NominationStatus.Submitted,
                    SubmittedAt = new DateTime(2024, 4, 1),
                });
        }
        using var t = new Transcript(data);
        await t.Press("admin", "h|u|ubnd xa ban vuoc");
        Assert.Equal("h|t|script:old|script:new", Transcript.Button(await t.Press("admin", "h|f|script:old"), "Cán Bộ Mới"));
        var refused = FirstText(await t.Press("admin", "h|t|script:old|script:new"));
        Assert.Contains("Không bàn giao: 1 đề nghị", refused);
        Assert.Contains("LC-2024-0002 — UBND xã Cốc San", refused);

        using var stored = t.Stored();
        Assert.All(stored.Nominations.FindAll(), n => Assert.Equal("script:old", n.OwnerKey));
    }
}
