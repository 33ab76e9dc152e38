using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>A province plan that gives its limits per unit as a table and says how to file under "Hình thức nộp".</summary>
public sealed class ImportTableQuotaTests : IDisposable
{
    private readonly ImportedData _data = new();
    private readonly Campaign _plan;

    public ImportTableQuotaTests()
    {
        _data.Import(Path.Combine(RepoPaths.Root, "tests", "eval", "fullplans2", "dong-thap-2146.txt"));
        _plan = Assert.Single(_data.Load().Campaigns);
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Each_row_of_a_quota_table_is_that_units_limit_for_the_award_named_over_the_table()
    {
        var police = _plan.Quotas.Where(q => q.Text == "Công an tỉnh: 03 tập thể, 05 cá nhân").ToList();

        Assert.Equal([(3, Beneficiary.Collective), (5, Beneficiary.Individual)], police.Select(q => (q.Max, q.AppliesTo)));
        Assert.All(police, q => Assert.Equal(QuotaScope.Unit, q.Scope));
        Assert.All(police, q => Assert.Equal("Bằng khen của Chủ tịch UBND tỉnh", _plan.Awards.Single(a => a.Id == q.AwardId).Name));
    }

    [Fact]
    public void Where_a_paper_copy_goes_and_the_portal_are_read_under_a_heading_on_how_to_file()
    {
        var dossier = Assert.IsType<Dossier>(_plan.Dossier);

        Assert.Equal("Sở Nội vụ (qua Phòng Thi đua - Khen thưởng), số 23 đường Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp", dossier.SubmitTo);
        Assert.Equal("https://dichvucong.dongthap.gov.vn", dossier.PortalUrl);
    }
}
