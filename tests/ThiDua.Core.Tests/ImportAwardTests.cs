using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>Award forms by their full names, who decides each, for whom and in which phase, as the reviewer sees them in the draft.</summary>
public class ImportAwardTests
{
    [Fact]
    public void Each_form_has_its_full_name_and_who_decides_it()
    {
        var draft = ImportFixtures.Import("""
            IV. HÌNH THỨC KHEN THƯỞNG
            1. Khen thưởng cấp Nhà nước: lựa chọn tập thể, cá nhân tiêu biểu xuất sắc đề nghị Chủ tịch nước tặng Huân chương Lao động hạng Ba; đề nghị Thủ tướng Chính phủ tặng Bằng khen.
            2. Cấp tỉnh:
            - Cờ thi đua của Ủy ban nhân dân tỉnh cho tập thể dẫn đầu phong trào.
            - Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho các tập thể, cá nhân có thành tích xuất sắc.
            3. Cấp cơ sở:
            - Giấy khen của Chủ tịch UBND huyện cho tập thể, cá nhân ở cơ sở.
            - Giấy khen của Thủ trưởng các sở, ban, ngành do Thủ trưởng cơ quan, đơn vị xem xét, quyết định theo thẩm quyền.
            - Danh hiệu “Chiến sĩ thi đua cơ sở”, “Lao động tiên tiến”; Kỷ niệm chương “Vì sự nghiệp phát triển tỉnh Sơn La”.
            """);
        var awards = draft.Campaign.Awards.ToDictionary(a => a.Name, a => a);
        Assert.Equal("Chủ tịch nước", awards["Huân chương Lao động hạng Ba"].DecidedBy);
        Assert.Equal("Thủ tướng Chính phủ", awards["Bằng khen của Thủ tướng Chính phủ"].DecidedBy);
        Assert.Equal("Ủy ban nhân dân tỉnh Sơn La", awards["Cờ thi đua của UBND tỉnh"].DecidedBy);
        Assert.Equal(Beneficiary.Collective, awards["Cờ thi đua của UBND tỉnh"].AppliesTo);
        Assert.Equal("Chủ tịch Ủy ban nhân dân tỉnh Sơn La", awards["Bằng khen của Chủ tịch UBND tỉnh"].DecidedBy);
        Assert.Equal("bk-ct-tinh", awards["Bằng khen của Chủ tịch UBND tỉnh"].Id);
        Assert.Equal("Chủ tịch Ủy ban nhân dân huyện", awards["Giấy khen của Chủ tịch UBND huyện"].DecidedBy);
        Assert.Equal("Thủ trưởng các sở, ban, ngành", awards["Giấy khen của Thủ trưởng các sở, ban, ngành"].DecidedBy);
        Assert.Equal(Beneficiary.Individual, awards["Chiến sĩ thi đua cơ sở"].AppliesTo);
        Assert.Equal(Beneficiary.Individual, awards["Lao động tiên tiến"].AppliesTo);
        Assert.Contains("Kỷ niệm chương “Vì sự nghiệp phát triển tỉnh Sơn La”", awards.Keys);
        // Never cut short, never a bare form beside its full name.
        Assert.DoesNotContain(awards.Keys, n => n is "Bằng khen của Chủ tịch" or "Bằng khen" or "Giấy khen");
        // Who decides a title or a medal the plan does not say is left empty and flagged.
        Assert.Equal("", awards["Lao động tiên tiến"].DecidedBy);
        Assert.Contains(draft.Flags, f => f.Field == "awards" && f.Problem.Contains("Lao động tiên tiến", StringComparison.Ordinal));
        Assert.Empty(CampaignValidator.Validate(draft.Campaign, "x.json"));
    }

    [Fact]
    public void Awards_given_in_a_phase_or_at_each_phases_review_carry_their_phases()
    {
        var c = ImportFixtures.Plan("""
            II. THỜI GIAN THI ĐUA
            Đợt 1: từ ngày 01/3 đến ngày 30/6/2025; Đợt 2: từ ngày 01/7 đến ngày 31/12/2025.
            IV. KHEN THƯỞNG
            1. Kết thúc Đợt 1, Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho các tập thể, cá nhân tiêu biểu.
            2. Tổng kết mỗi đợt, Giám đốc Sở Nội vụ tặng Giấy khen cho các cá nhân có thành tích xuất sắc.
            """);
        var bk = Assert.Single(c.Awards, a => a.Name == "Bằng khen của Chủ tịch UBND tỉnh");
        Assert.Equal(["dot-1"], bk.PhaseIds);
        var gk = Assert.Single(c.Awards, a => a.Name.StartsWith("Giấy khen", StringComparison.Ordinal));
        Assert.Equal("Giấy khen của Giám đốc Sở Nội vụ", gk.Name);
        Assert.Equal(["dot-1", "dot-2"], gk.PhaseIds);
        Assert.Equal(Beneficiary.Individual, gk.AppliesTo);
    }

    [Fact]
    public void A_communes_plan_awards_within_its_powers_and_sends_the_best_up()
    {
        var c = ImportFixtures.Plan("""
            III. KHEN THƯỞNG
            1. Chủ tịch UBND xã khen thưởng theo thẩm quyền các tập thể, cá nhân có thành tích tiêu biểu trong phong trào.
            2. Lựa chọn các tập thể, cá nhân xuất sắc đề nghị UBND huyện khen thưởng theo quy định.
            IV. TỔ CHỨC THỰC HIỆN
            1. Công chức Văn hóa – Xã hội: Tuyên truyền phong trào; khen thưởng theo thẩm quyền khi được giao.
            """, """
            ỦY BAN NHÂN DÂN
            XÃ TẢ VAN
            Số: 15/KH-UBND
            Tả Van, ngày 05 tháng 3 năm 2024
            KẾ HOẠCH
            Phát động phong trào thi đua xây dựng nông thôn mới năm 2024
            Thực hiện Kế hoạch số 20/KH-UBND ngày 15/02/2024 của UBND thị xã Sa Pa, tỉnh Lào Cai, UBND xã ban hành Kế hoạch như sau:

            """);
        Assert.Equal(("UBND xã Tả Van", AdministrativeLevel.Commune, "Lào Cai", "thị xã Sa Pa"), (c.Document.Issuer, c.Level, c.Area.Province, c.Area.District));
        Assert.Equal(["Khen thưởng theo thẩm quyền của Chủ tịch UBND xã Tả Van", "Đề nghị UBND huyện khen thưởng"], c.Awards.Select(a => a.Name));
        Assert.Equal("Chủ tịch Ủy ban nhân dân xã Tả Van", c.Awards[0].DecidedBy);
    }
}
