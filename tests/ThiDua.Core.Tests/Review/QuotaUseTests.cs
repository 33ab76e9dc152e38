using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Review;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests.Review;

/// <summary>The reviewer's queue says how much of each quota is used, per unit for a quota set per unit.</summary>
public class QuotaUseTests
{
    [Fact]
    public void A_per_unit_quota_is_counted_for_each_unit_and_an_overrun_is_flagged()
    {
        using var db = new BotDatabase(new MemoryStream());
        var plan = TestBot.LoadKnowledge(TimeProvider.System).Find("lao-cai-217")! with
        {
            Quotas = [new Quota { Max = 2, Scope = QuotaScope.Unit, AppliesTo = Beneficiary.Individual, Text = "mỗi xã 02 cá nhân", Section = "V" }],
        };
        void Nominate(string unit, Beneficiary who, NominationStatus status = NominationStatus.Submitted) => db.Nominations.Insert(new Nomination
        {
            Code = $"LC-{db.Nominations.Count() + 1}",
            OwnerKey = "test:o",
            CampaignId = plan.Id,
            Beneficiary = who,
            Status = status,
            ProposingUnit = unit,
            UnitKey = VietnameseText.Fold(unit),
            NomineeName = "Người",
            NameKey = "nguoi",
        });
        foreach (var _ in Enumerable.Range(0, 3)) Nominate("UBND xã Bản Vược", Beneficiary.Individual);
        Nominate("UBND xã Bản Vược", Beneficiary.Collective);
        Nominate("UBND xã Cốc San", Beneficiary.Individual);
        Nominate("UBND xã Cốc San", Beneficiary.Individual, NominationStatus.Withdrawn);
        Nominate("UBND xã Y Tý", Beneficiary.Collective);

        var line = Assert.Single(QuotaUse.Lines(db, plan));

        Assert.Equal("Mỗi đơn vị tối đa 2: UBND xã Bản Vược 3/2 ⚠️; UBND xã Cốc San 1/2", line);
    }
}
