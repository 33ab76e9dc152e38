using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests;

/// <summary>The dossier (components, copies, how and where it is filed), the quotas and shares, the targets, the legal bases.</summary>
public class ImportDossierQuotaTests
{
    [Fact]
    public void Dossier_components_with_copies_who_prepares_them_formats_portal_and_where_to_submit()
    {
        var draft = ImportFixtures.Import("""
            V. HỒ SƠ, THỦ TỤC KHEN THƯỞNG
            1. Hồ sơ đề nghị khen thưởng gồm:
            - Tờ trình đề nghị khen thưởng của cơ quan, đơn vị (01 bản chính).
            - Biên bản họp xét của Hội đồng Thi đua - Khen thưởng cơ quan, đơn vị.
            - Báo cáo thành tích của tập thể, cá nhân có xác nhận của Thủ trưởng cơ quan, đơn vị (02 bản).
            - Danh sách trích ngang các tập thể, cá nhân đề nghị khen thưởng (file Word gửi qua thư điện tử).
            - Bản sao giấy chứng nhận sáng kiến đối với cá nhân.
            2. Số lượng hồ sơ: 01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử.
            3. Các cơ quan, đơn vị nộp hồ sơ về Sở Nội vụ (Ban Thi đua - Khen thưởng) trước ngày 30/11/2025, đồng thời nộp trực tuyến trên Cổng dịch vụ công của tỉnh tại https://dichvucong.sonla.gov.vn.
            """);
        var d = draft.Campaign.Dossier!;
        Assert.Equal(["to-trinh", "bien-ban", "bao-cao-thanh-tich", "trich-ngang", "ban-sao"], d.Components.Select(x => x.Id));
        Assert.Equal([1, null, 2, null, null], d.Components.Select(x => x.Copies));
        Assert.Equal("Thủ trưởng cơ quan, đơn vị", d.Components[2].PreparedBy);
        Assert.Equal("Hội đồng Thi đua - Khen thưởng cơ quan, đơn vị", d.Components[1].PreparedBy);
        Assert.Equal(Beneficiary.Individual, d.Components[4].AppliesTo);
        Assert.Equal("01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử", d.CopiesText);
        Assert.Equal([SubmissionFormat.Paper, SubmissionFormat.Electronic, SubmissionFormat.Portal], d.Formats);
        Assert.Equal("https://dichvucong.sonla.gov.vn", d.PortalUrl);
        Assert.Equal("Sở Nội vụ (Ban Thi đua - Khen thưởng)", d.SubmitTo);
        Assert.Equal("V.1", d.Components[0].Section);
        Assert.Contains(draft.Campaign.Deadlines, x => x.Kind == DeadlineKind.Submission && x.DueDate == new DateOnly(2025, 11, 29));
    }

    [Fact]
    public void A_plan_headed_in_unnumbered_capitals_with_its_dossier_on_one_line_is_read_part_by_part()
    {
        // A looser 2025 layout: no roman numbers, parts headed in capitals; the dossier listed with semicolons; the
        // ward's header line naming its province below it; the council that meets to consider the proposals.
        var draft = PlanImporter.Import("""
            ỦY BAN NHÂN DÂN PHƯỜNG VĨNH YÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH PHÚ THỌ | Độc lập - Tự do - Hạnh phúc
            Số: 18/KH-UBND | Phường Vĩnh Yên, ngày 10 tháng 7 năm 2025
            KẾ HOẠCH
            Tổ chức đợt thi đua chào mừng Đại hội đại biểu Đảng bộ phường lần thứ I
            Để tạo khí thế thi đua sôi nổi chào mừng Đại hội, Ủy ban nhân dân phường ban hành Kế hoạch tổ chức đợt thi đua như sau:
            THỜI GIAN VÀ CÁCH THỨC TRIỂN KHAI
            Đợt thi đua được tổ chức từ ngày ký ban hành Kế hoạch này đến hết ngày 02/9/2025.
            Kết thúc đợt thi đua, các đơn vị gửi báo cáo về Văn phòng HĐND và UBND phường chậm nhất ngày 12/9/2025.
            KHEN THƯỞNG
            Chủ tịch Ủy ban nhân dân phường tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc.
            Hồ sơ đề nghị khen thưởng gồm: Tờ trình của đơn vị; báo cáo tóm tắt thành tích của tập thể, cá nhân; danh sách đề nghị khen thưởng.
            Các đơn vị gửi hồ sơ đề nghị khen thưởng về Phòng Văn hóa - Xã hội phường trước ngày 20/9/2025. Hội đồng Thi đua - Khen thưởng phường họp xét và trình Chủ tịch Ủy ban nhân dân phường quyết định.
            """).Campaign;
        Assert.Equal("UBND phường Vĩnh Yên", draft.Document.Issuer);
        Assert.Equal(new DateOnly(2025, 9, 2), draft.Period.End);
        Assert.Contains(draft.Deadlines, x => x.DueDate == new DateOnly(2025, 9, 12) || x.DueDate == new DateOnly(2025, 9, 11));
        Assert.Equal(["to-trinh", "bao-cao-thanh-tich", "trich-ngang"], draft.Dossier!.Components.Select(x => x.Id));
        Assert.Equal("Phòng Văn hóa - Xã hội phường", draft.Dossier.SubmitTo);
        Assert.Contains(draft.Bodies, b => b.Role == BodyRole.Appraising && b.Name == "Hội đồng Thi đua - Khen thưởng phường");
    }

    [Fact]
    public void A_plan_without_a_dossier_has_none_and_says_the_law_applies()
    {
        var draft = ImportFixtures.Import("III. NỘI DUNG THI ĐUA\n1. Tuyên truyền sâu rộng đến cán bộ, công chức và Nhân dân về phong trào.\n");
        Assert.Null(draft.Campaign.Dossier);
        Assert.Contains(draft.Flags, f => f.Field == "dossier" && f.Problem.Contains("Điều 84", StringComparison.Ordinal));
    }

    [Fact]
    public void Quotas_in_total_per_unit_per_phase_and_as_shares()
    {
        var c = ImportFixtures.Plan("""
            II. THỜI GIAN THI ĐUA
            Đợt 1: từ ngày 01/3 đến ngày 30/6/2025; Đợt 2: từ ngày 01/7 đến ngày 31/12/2025.
            IV. HÌNH THỨC VÀ SỐ LƯỢNG KHEN THƯỞNG
            1. Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh: không quá 10 tập thể, 15 cá nhân.
            2. Mỗi xã, phường được đề nghị 02 trường hợp; mỗi cơ quan, đơn vị không quá 03 cá nhân.
            3. Tổng kết mỗi đợt, Giấy khen của Giám đốc Sở Nội vụ không quá 20 cá nhân.
            4. Số cá nhân là lãnh đạo được khen thưởng không quá 15% tổng số cá nhân được đề nghị của đơn vị.
            5. Thời gian xét hồ sơ không quá 10 ngày làm việc.
            """);
        Assert.Contains(c.Quotas, q => (q.Max, q.Scope, q.AppliesTo, q.AwardId) == (10, QuotaScope.Plan, Beneficiary.Collective, "bk-ct-tinh"));
        Assert.Contains(c.Quotas, q => (q.Max, q.Scope, q.AppliesTo, q.AwardId) == (15, QuotaScope.Plan, Beneficiary.Individual, "bk-ct-tinh"));
        Assert.Contains(c.Quotas, q => (q.Max, q.Scope, q.AppliesTo) == (2, QuotaScope.Unit, Beneficiary.Both));
        Assert.Contains(c.Quotas, q => (q.Max, q.Scope, q.AppliesTo) == (3, QuotaScope.Unit, Beneficiary.Individual));
        Assert.Contains(c.Quotas, q => (q.Max, q.Scope) == (20, QuotaScope.Phase));
        Assert.DoesNotContain(c.Quotas, q => q.Max == 10 && q.Text.Contains("ngày", StringComparison.Ordinal));
        var share = Assert.Single(c.QuotaShares);
        Assert.Equal((15m, "cá nhân được đề nghị của đơn vị"), (share.Percent, share.Of));
        Assert.Equal(5, c.Quotas.Count);
    }

    [Fact]
    public void Targets_of_a_targets_section()
    {
        var c = ImportFixtures.Plan("""
            III. CHỈ TIÊU THI ĐUA
            - 100% cơ quan, đơn vị, địa phương xây dựng kế hoạch và tổ chức phát động phong trào thi đua.
            - Phấn đấu 90% hồ sơ khen thưởng được giải quyết trên môi trường điện tử.
            IV. NỘI DUNG THI ĐUA
            1. Tuyên truyền sâu rộng đến 100% cán bộ, công chức.
            """);
        Assert.Equal(2, c.Targets.Count);
        Assert.StartsWith("100% cơ quan", c.Targets[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Legal_bases_with_and_without_numbers_or_dates()
    {
        var c = ImportFixtures.Plan("II. NỘI DUNG\n1. Tuyên truyền sâu rộng đến cán bộ, công chức.\n", """
            ỦY BAN NHÂN DÂN
            TỈNH SƠN LA
            Số: 01/KH-UBND
            Sơn La, ngày 02 tháng 01 năm 2025
            KẾ HOẠCH
            Công tác thi đua, khen thưởng năm 2025
            Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
            Căn cứ Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị về tiếp tục đổi mới công tác thi đua, khen thưởng;
            Thực hiện Quyết định số 923/QĐ-TTg ngày 02/8/2024 của Thủ tướng Chính phủ và Kế hoạch số 16/KH-HĐTĐKT ngày 10/9/2024 của Hội đồng Thi đua - Khen thưởng Trung ương, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

            """);
        Assert.Equal(
            [("06/2022/QH15", (DateOnly?)new DateOnly(2022, 6, 15)), ("34-CT/TW", new DateOnly(2014, 4, 7)), ("923/QĐ-TTg", new DateOnly(2024, 8, 2)), ("16/KH-HĐTĐKT", new DateOnly(2024, 9, 10))],
            c.LegalBases.Select(b => (b.DocumentNumber, b.Date)));
        Assert.Equal("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", c.LegalBases[0].Text);
        Assert.Equal("Quyết định số 923/QĐ-TTg ngày 02/8/2024 của Thủ tướng Chính phủ", c.LegalBases[2].Text);
        Assert.Equal("Kế hoạch số 16/KH-HĐTĐKT ngày 10/9/2024 của Hội đồng Thi đua - Khen thưởng Trung ương", c.LegalBases[3].Text);
        // None of these dates is something to do.
        Assert.DoesNotContain(c.Deadlines, d => d.DueDate.Year < 2025);
    }
}
