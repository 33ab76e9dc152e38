using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Tests;

/// <summary>The header as real plans print it, and what the reviewer sees of it in the draft: number, date, issuer, title, short name.</summary>
public class ImportHeaderTests
{
    private const string Purposes = """
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        - Phát động, tổ chức triển khai hiệu quả các phong trào thi đua yêu nước trên tất cả các lĩnh vực.
        - Kịp thời khen thưởng tập thể, cá nhân có thành tích xuất sắc, đảm bảo đúng đối tượng, tiêu chuẩn.
        """;

    [Fact]
    public void A_header_copied_over_table_pipes_with_its_date_split_reads_number_date_issuer_and_a_readable_title()
    {
        var draft = PlanImporter.Import("""
            ỦY BAN NHÂN DÂN
            TỈNH SƠN LA
            -------
            |
            CỘNG HÒA XÃ HỘI
            CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            ---------------
            |
            Số: 0124/KH-UBND
            |
            Sơn La, ngày 02
            tháng 01 năm 2025
            |
            KẾ HOẠCH
            TRIỂN KHAI CÔNG TÁC THI ĐUA , KHEN THƯỞNG NĂM 2025
            Căn cứ Luật Thi đua, khen thưởng
            ngày 15 tháng 6 năm 2022;
            Để tổ chức thực hiện thắng lợi các chỉ tiêu phát triển kinh tế - xã hội năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch công tác thi đua, khen thưởng năm 2025 như sau:

            """ + Purposes);
        var c = draft.Campaign;
        Assert.Equal("0124/KH-UBND", c.Document.Number);
        Assert.Equal(new DateOnly(2025, 1, 2), c.Document.IssuedOn);
        Assert.Equal("UBND tỉnh Sơn La", c.Document.Issuer);
        Assert.Equal(AdministrativeLevel.Province, c.Level);
        Assert.Equal("Sơn La", c.Area.Province);
        Assert.Equal("Kế hoạch triển khai công tác thi đua, khen thưởng năm 2025", c.Document.Title);
        Assert.Equal("Sơn La – Công tác thi đua, khen thưởng năm 2025", c.ShortName);
        // A yearly plan runs the year its title names, in the plan's words.
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), (c.Period.Start, c.Period.End));
        Assert.Contains("năm 2025", c.Period.Wording, StringComparison.Ordinal);
        Assert.False(draft.Flagged("document.number") || draft.Flagged("document.issuedOn") || draft.Flagged("level"));
    }

    [Fact]
    public void Site_chrome_and_metadata_rows_are_not_the_plan_and_a_central_council_is_named_as_it_names_itself()
    {
        var draft = PlanImporter.Import("""
            Thứ 2, Ngày 28/10/2024
            Đăng nhập
            Kế hoạch 1/KH-HĐTĐKT năm 2024 hướng dẫn tổ chức Đại hội Thi đua yêu nước các cấp do Hội đồng Thi đua - Khen thưởng Trung ương ban hành
            Số hiệu 1/KH-HĐTĐKT
            Ngày ban hành 20/05/2024
            Người ký Phạm Thị Thanh Trà
            Lĩnh vực Bộ máy hành chính
            HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG
            -------
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 1/KH-HĐTĐKT
            Hà Nội, ngày 20 tháng 05 năm 2024
            KẾ HOẠCH
            TỔ CHỨC ĐẠI HỘI THI ĐUA YÊU NƯỚC CÁC CẤP, CÁC NGÀNH TIẾN TỚI ĐẠI HỘI THI ĐUA YÊU NƯỚC TOÀN QUỐC LẦN THỨ XI NĂM 2025
            Thực hiện Luật Thi đua khen thưởng và Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị “Về tiếp tục đổi mới công tác thi đua, khen thưởng”; tiếp theo các kỳ Đại hội Thi đua yêu nước, Hội đồng Thi đua - Khen thưởng Trung ương xây dựng Kế hoạch tổ chức Đại hội Thi đua yêu nước các cấp, các ngành tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ XI năm 2025 như sau:

            """ + Purposes);
        var c = draft.Campaign;
        Assert.Equal(new DateOnly(2024, 5, 20), c.Document.IssuedOn);
        Assert.Equal("1/KH-HĐTĐKT", c.Document.Number);
        Assert.Equal("Hội đồng Thi đua - Khen thưởng Trung ương", c.Document.Issuer);
        Assert.Equal("Kế hoạch tổ chức Đại hội Thi đua yêu nước các cấp, các ngành tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ XI năm 2025", c.Document.Title);
        Assert.Equal("Toàn quốc", c.Area.Province);
        Assert.True(draft.Flagged("level"));
        // The site says who signed; the opening has no signature block: taken, and said where from.
        Assert.Equal("Phạm Thị Thanh Trà", c.Document.Signer);
        Assert.Contains(draft.Flags, f => f.Field == "document.signer" && f.Problem.Contains("trang web", StringComparison.Ordinal));
        Assert.DoesNotContain(c.Deadlines, d => d.DueDate == new DateOnly(2024, 10, 28));
        Assert.Contains(c.LegalBases, b => b.DocumentNumber == "34-CT/TW" && b.Date == new DateOnly(2014, 4, 7));
        Assert.Contains(c.LegalBases, b => b.Text == "Luật Thi đua khen thưởng" && b.DocumentNumber is null);
    }

    [Fact]
    public void A_department_under_a_province_and_a_steering_board_under_a_district_are_named_with_their_place()
    {
        var department = ImportFixtures.Plan(Purposes, """
            UBND TỈNH QUẢNG BÌNH
            SỞ GIÁO DỤC VÀ ĐÀO TẠO
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Độc lập - Tự do - Hạnh phúc
            Số: 45/KH-SGDĐT
            Quảng Bình, ngày 15 tháng 9 năm 2024
            KẾ HOẠCH
            Phát động phong trào thi đua năm học 2024 - 2025
            Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2024 của UBND tỉnh Quảng Bình, Sở Giáo dục và Đào tạo ban hành Kế hoạch như sau:

            """);
        Assert.Equal("Sở Giáo dục và Đào tạo tỉnh Quảng Bình", department.Document.Issuer);
        Assert.Equal(AdministrativeLevel.Province, department.Level);
        Assert.Equal("Quảng Bình", department.Area.Province);
        Assert.Equal("45/KH-SGDĐT", department.Document.Number);

        var board = ImportFixtures.Plan(Purposes, """
            UBND HUYỆN MƯỜNG LA
            BAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA
            Số: 12/KH-BCĐ
            Mường La, ngày 10 tháng 3 năm 2025
            KẾ HOẠCH
            Phát động phong trào thi đua chung tay xây dựng nông thôn mới trên địa bàn huyện
            Thực hiện Kế hoạch số 30/KH-UBND ngày 20/02/2025 của UBND tỉnh Sơn La, Ban Chỉ đạo ban hành Kế hoạch như sau:

            """);
        Assert.Equal("Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Mường La", board.Document.Issuer);
        Assert.Equal(AdministrativeLevel.District, board.Level);
        Assert.Equal("huyện Mường La", board.Area.District);
        Assert.Equal("Sơn La", board.Area.Province);
    }

    [Fact]
    public void Without_a_KE_HOACH_heading_the_title_comes_from_the_issuers_own_sentence_not_from_a_cited_one()
    {
        var draft = ImportFixtures.Import(Purposes, """
            ỦY BAN NHÂN DÂN
            |
            CỘNG HÒA XÃ HỘI
            CHỦ NGHĨA VIỆT NAM |
            Số: 130/KH-UBND |
            Bình Định, ngày 02 tháng 7 năm 2025 |
            Căn cứ Quyết định số 923/QĐ-TTg ngày 02/8/2024 của Thủ tướng Chính phủ về ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát”;
            Ủy ban nhân dân tỉnh ban hành Kế hoạch phát động Phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát” trên địa bàn tỉnh Bình Định (viết tắt là Phong trào) với các nội dung như sau:

            """);
        var c = draft.Campaign;
        Assert.Equal("130/KH-UBND", c.Document.Number);
        Assert.Equal("UBND tỉnh Bình Định", c.Document.Issuer);
        Assert.Equal("Kế hoạch phát động Phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát” trên địa bàn tỉnh Bình Định", c.Document.Title);
        Assert.True(draft.Flagged("document.title"));
        Assert.Equal("Bình Định – Phong trào thi đua “Chung tay xóa nhà tạm, nhà dột nát”", c.ShortName);
        var basis = Assert.Single(c.LegalBases);
        Assert.Equal(("923/QĐ-TTg", new DateOnly(2024, 8, 2)), (basis.DocumentNumber, basis.Date));
    }

    [Fact]
    public void A_header_printed_in_two_columns_side_by_side_without_number_or_day_is_read_and_flagged()
    {
        var draft = ImportFixtures.Import(Purposes, """
            ỦY BAN NHÂN DÂN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
            TỈNH HƯNG YÊN Độc lập - Tự do - Hạnh phúc
            Số:            /KH-UBND Hưng Yên, ngày         tháng 3 năm 2024
            KẾ HOẠCH
            Phát động đợt thi đua cao điểm chào mừng kỷ niệm 70 năm
            Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)
            Căn cứ Hướng dẫn số 836/HD-BNV ngày 21 tháng 02 năm 2024 của Bộ Nội vụ, Ủy ban nhân dân tỉnh Hưng Yên phát động đợt thi đua như sau:

            """);
        var c = draft.Campaign;
        Assert.Equal("UBND tỉnh Hưng Yên", c.Document.Issuer);
        Assert.Null(c.Document.Number);
        Assert.Null(c.Document.IssuedOn);
        Assert.Equal("2024-03", c.Document.IssuedMonth);
        Assert.True(draft.Flagged("document.number") && draft.Flagged("document.issuedOn"));
        Assert.Equal("Kế hoạch phát động đợt thi đua cao điểm chào mừng kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)", c.Document.Title);
    }

    [Fact]
    public void A_district_plan_that_does_not_name_its_province_takes_it_from_the_administrative_units_and_says_so()
    {
        const string header = """
            ỦY BAN NHÂN DÂN
            QUẬN PHÚ NHUẬN
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Số: 02/KH-UBND
            Phú Nhuận, ngày 19 tháng 01 năm 2016
            KẾ HOẠCH
            TỔ CHỨC HỘI NGHỊ TỔNG KẾT PHONG TRÀO THI ĐUA YÊU NƯỚC NĂM 2015
            Thực hiện Kế hoạch số 685A/KH-UBND ngày 30/10/2015 về tổ chức đánh giá kết quả thi đua năm 2015. Ủy ban nhân dân quận Phú Nhuận đề ra kế hoạch tổ chức Hội nghị tổng kết phong trào thi đua yêu nước năm 2015 như sau:

            """;
        var listed = PlanImporter.Import(header + Purposes, AdministrativeUnits.Load(RepoPaths.Data));
        Assert.Equal(("Hồ Chí Minh", "quận Phú Nhuận", AdministrativeLevel.District), (listed.Campaign.Area.Province, listed.Campaign.Area.District, listed.Campaign.Level));
        Assert.Equal("UBND quận Phú Nhuận", listed.Campaign.Document.Issuer);
        Assert.Contains(listed.Flags, f => f.Field == "area.province" && f.Problem.Contains("danh mục", StringComparison.Ordinal));
        Assert.Equal("Kế hoạch tổ chức Hội nghị tổng kết phong trào thi đua yêu nước năm 2015", listed.Campaign.Document.Title);
        // A plan about 2015's summary conference is not a plan for the year 2015.
        Assert.NotEqual(new DateOnly(2015, 1, 1), listed.Campaign.Period.Start);

        var unlisted = PlanImporter.Import(header + Purposes);
        Assert.Equal("?", unlisted.Campaign.Area.Province);
        Assert.True(unlisted.Flagged("area.province"));
    }

    [Theory]
    [InlineData("Số: 217 /KH-UBND", "217/KH-UBND")]
    [InlineData("Số: 25-KH/TU", "25-KH/TU")]
    [InlineData("Số 685A/KH-UBND", "685A/KH-UBND")]
    public void Numbers_are_read_as_printed(string line, string number) =>
        Assert.Equal(number, ImportFixtures.Plan(Purposes, ImportFixtures.SonLaHeader.Replace("Số: 01/KH-UBND", line, StringComparison.Ordinal)).Document.Number);

    [Theory]
    [InlineData("Sơn La, ngày 02 | tháng 01 năm 2025")]
    [InlineData("Sơn La, ngày 02/01/2025")]
    [InlineData("| Sơn La, ngày 02 tháng 01 năm 2025 |")]
    public void Date_lines_over_pipes_or_in_figures_give_the_same_date(string line) =>
        Assert.Equal(new DateOnly(2025, 1, 2), ImportFixtures.Plan(Purposes, ImportFixtures.SonLaHeader.Replace("Sơn La, ngày 02 tháng 01 năm 2025", line, StringComparison.Ordinal)).Document.IssuedOn);

    [Fact]
    public void A_long_title_gives_a_short_name_within_80_characters_cut_between_words()
    {
        var c = ImportFixtures.Plan(Purposes, ImportFixtures.SonLaHeader.Replace("Triển khai công tác thi đua, khen thưởng năm 2025",
            "THỰC HIỆN PHONG TRÀO THI ĐUA ĐẶC BIỆT LẬP THÀNH TÍCH CHÀO MỪNG ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XVI VÀ ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA ĐẢNG", StringComparison.Ordinal));
        Assert.True(c.ShortName.Length <= 80, c.ShortName);
        Assert.StartsWith("Sơn La – Phong trào thi đua đặc biệt", c.ShortName, StringComparison.Ordinal);
        Assert.EndsWith("…", c.ShortName, StringComparison.Ordinal);
        var lastWord = c.ShortName.TrimEnd('…').Split(' ')[^1];
        Assert.Contains(" " + lastWord + " ", " " + c.Document.Title + " ", StringComparison.Ordinal);
        Assert.Contains("lần thứ XVI", c.Document.Title, StringComparison.Ordinal);
    }
}
