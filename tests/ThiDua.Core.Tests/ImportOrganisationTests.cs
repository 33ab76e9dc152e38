using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>The assignments section, each body with its duties however the plan sets them out; the bodies and contacts drawn from it.</summary>
public class ImportOrganisationTests
{
    private const string Assignments = """
        VI. TỔ CHỨC THỰC HIỆN
        1. Sở Nội vụ (Ban Thi đua - Khen thưởng)
        - Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch.
        - Thẩm định hồ sơ, trình Chủ tịch Ủy ban nhân dân tỉnh khen thưởng.
        2. Các sở, ban, ngành, đoàn thể tỉnh; Ủy ban nhân dân các huyện, thành phố: Xây dựng kế hoạch triển khai; báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 15/11/2025.
        3. Giao cho Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Sơn La tuyên truyền rộng rãi Kế hoạch.
        4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội
        Vận động đoàn viên, hội viên tích cực hưởng ứng phong trào thi đua.
        5. Trách nhiệm của Thủ trưởng các cơ quan, đơn vị
        a) Quán triệt, triển khai Kế hoạch đến toàn thể cán bộ, công chức, viên chức.
        Trong quá trình triển khai thực hiện, nếu có vướng mắc, đề nghị các cơ quan, đơn vị phản ánh về Sở Nội vụ (qua Ban Thi đua - Khen thưởng, điện thoại: 0212.3852.123) để được hướng dẫn./.
        """;

    [Fact]
    public void Each_body_with_its_duties_whether_headed_led_by_a_colon_or_said_in_a_sentence()
    {
        var c = ImportFixtures.Plan(Assignments);
        Assert.Equal(
            ["Sở Nội vụ (Ban Thi đua - Khen thưởng)", "Các sở, ban, ngành, đoàn thể tỉnh; Ủy ban nhân dân các huyện, thành phố", "Sở Văn hóa, Thể thao và Du lịch",
             "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", "Thủ trưởng các cơ quan, đơn vị"],
            c.Responsibilities.Select(r => r.Who));
        Assert.Equal(2, c.Responsibilities[0].Duties.Count);
        Assert.StartsWith("Chủ trì, phối hợp với Báo Sơn La", Assert.Single(c.Responsibilities[2].Duties), StringComparison.Ordinal);
        Assert.Equal(["VI.1", "VI.2", "VI.3", "VI.4", "VI.5"], c.Responsibilities.Select(r => r.Section));
        // The closing formula is no one's duty.
        Assert.DoesNotContain(c.Responsibilities.SelectMany(r => r.Duties), d => d.Contains("vướng mắc", StringComparison.Ordinal));
    }

    [Fact]
    public void Lead_appraising_and_receiving_bodies_and_a_contact_come_from_the_assignments()
    {
        var c = ImportFixtures.Plan(Assignments);
        Assert.Equal("Sở Nội vụ (Ban Thi đua - Khen thưởng)", Assert.Single(c.Bodies, b => b.Role == BodyRole.Lead).Name);
        Assert.Equal("Sở Nội vụ (Ban Thi đua - Khen thưởng)", Assert.Single(c.Bodies, b => b.Role == BodyRole.Appraising).Name);
        Assert.Contains(c.Bodies, b => b.Role == BodyRole.Receiving && b.Name == "Sở Nội vụ");
        Assert.Contains(c.Bodies, b => b.Role == BodyRole.Coordinating && b.Name == "Sở Văn hóa, Thể thao và Du lịch");
        var contact = Assert.Single(c.Contacts);
        Assert.Equal(("Sở Nội vụ (qua Ban Thi đua - Khen thưởng)", "02123852123", "Nơi phản ánh vướng mắc để được hướng dẫn"), (contact.Name, contact.Phone, contact.Role));
    }

    [Theory]
    [InlineData("V. PHÂN CÔNG TRÁCH NHIỆM")]
    [InlineData("V. TRÁCH NHIỆM THỰC HIỆN")]
    public void The_assignments_under_other_headings_are_read_the_same(string heading)
    {
        var c = ImportFixtures.Plan(heading + "\n1. Sở Nội vụ: Hướng dẫn, theo dõi, tổng hợp kết quả thực hiện.\n2. Báo Sơn La: Tuyên truyền các gương điển hình tiên tiến.\n");
        Assert.Equal(["Sở Nội vụ", "Báo Sơn La"], c.Responsibilities.Select(r => r.Who));
        Assert.Equal("Tuyên truyền các gương điển hình tiên tiến.", Assert.Single(c.Responsibilities[1].Duties));
    }

    [Fact]
    public void A_contact_person_with_role_phone_and_email()
    {
        var c = ImportFixtures.Plan("""
            VII. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ: Theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
            Đầu mối liên hệ: đồng chí Nguyễn Thị Hoa, chuyên viên Ban Thi đua - Khen thưởng, điện thoại: 0912 345 678, email: hoant@sonla.gov.vn.
            """);
        var contact = Assert.Single(c.Contacts);
        Assert.Equal(("Nguyễn Thị Hoa", "chuyên viên Ban Thi đua - Khen thưởng", "0912345678", "hoant@sonla.gov.vn"), (contact.Name, contact.Role, contact.Phone, contact.Email));
    }
}
