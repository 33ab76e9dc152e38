using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>Criteria per kind of beneficiary and per award; a plan with a criteria section never comes out without criteria.</summary>
public class ImportCriteriaTests
{
    [Fact]
    public void Criteria_for_collectives_individuals_and_households_under_their_own_headings()
    {
        var c = ImportFixtures.Plan("""
            V. TIÊU CHUẨN KHEN THƯỞNG
            a) Đối với tập thể:
            - Nội bộ đoàn kết, gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.
            - Hoàn thành xuất sắc các nhiệm vụ trọng tâm của phong trào thi đua.
            b) Đối với cá nhân:
            - Là tấm gương tiêu biểu, có sáng kiến, giải pháp sáng tạo trong thực hiện phong trào.
            c) Đối với hộ gia đình:
            - Gương mẫu chấp hành tốt chủ trương, chính sách; tích cực tham gia xây dựng nông thôn mới.
            VI. HỒ SƠ KHEN THƯỞNG
            - Tờ trình đề nghị khen thưởng của cơ quan, đơn vị.
            """);
        Assert.Equal([(Beneficiary.Collective, (string?)null, 2), (Beneficiary.Individual, null, 1), (Beneficiary.Both, "hộ gia đình", 1)], c.Criteria.Select(x => (x.AppliesTo, x.Group, x.Items.Count)));
        Assert.Equal(["V.a", "V.b", "V.c"], c.Criteria.Select(x => x.Section));
        Assert.StartsWith("Nội bộ đoàn kết", c.Criteria[0].Items[0], StringComparison.Ordinal);
        Assert.DoesNotContain(c.Criteria.SelectMany(x => x.Items), i => i.StartsWith("Tờ trình", StringComparison.Ordinal));
    }

    [Fact]
    public void Criteria_for_one_award_with_their_leads_inline_are_tied_to_that_award()
    {
        var c = ImportFixtures.Plan("""
            IV. HÌNH THỨC KHEN THƯỞNG
            1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, cá nhân tiêu biểu xuất sắc.
            2. Giấy khen của Giám đốc các sở, ban, ngành cho các tập thể, cá nhân có thành tích.
            3. Tiêu chuẩn xét tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh
            a) Tập thể: Hoàn thành xuất sắc nhiệm vụ được giao, là điển hình tiêu biểu của phong trào.
            b) Cá nhân: Có thành tích xuất sắc, được tập thể suy tôn và cấp có thẩm quyền công nhận.
            """);
        Assert.Equal([(Beneficiary.Collective, "bk-ct-tinh"), (Beneficiary.Individual, "bk-ct-tinh")], c.Criteria.Select(x => (x.AppliesTo, x.AwardId)));
        Assert.Equal("Hoàn thành xuất sắc nhiệm vụ được giao, là điển hình tiêu biểu của phong trào.", Assert.Single(c.Criteria[0].Items));
    }

    [Fact]
    public void A_criteria_section_not_split_by_beneficiary_holds_for_both()
    {
        var draft = ImportFixtures.Import("""
            III. TIÊU CHÍ THI ĐUA
            - Hoàn thành 100% chỉ tiêu, nhiệm vụ được giao trong năm.
            - Không có cán bộ, công chức vi phạm kỷ luật từ hình thức khiển trách trở lên.
            """);
        var criterion = Assert.Single(draft.Campaign.Criteria);
        Assert.Equal((Beneficiary.Both, 2), (criterion.AppliesTo, criterion.Items.Count));
        Assert.False(draft.Flagged("criteria"));
    }

    [Fact]
    public void A_plan_with_no_criteria_is_flagged_not_given_any()
    {
        var draft = ImportFixtures.Import("III. NỘI DUNG THI ĐUA\n1. Tuyên truyền sâu rộng đến cán bộ, công chức và Nhân dân về phong trào.\n");
        Assert.Empty(draft.Campaign.Criteria);
        Assert.True(draft.Flagged("criteria"));
    }
}
