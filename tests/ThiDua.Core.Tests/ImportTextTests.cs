using ThiDua.Core.Import;

namespace ThiDua.Core.Tests;

/// <summary>Plan text as it arrives (tables copied from Word, PDF text wrapped at a width, headings cut in two), made into lines the importer reads.</summary>
public class ImportTextTests
{
    [Fact]
    public void A_table_copied_with_tabs_keeps_one_row_a_line_and_its_overflow_apart()
    {
        var lines = PlanTextCleaner.Clean(
            "Số TT\tNhiệm vụ cụ thể\tĐơn vị chủ trì\tĐơn vị phối hợp\n" +
            "I\tNhiệm vụ thực hiện trong Quý I\t\t\n" +
            "1\tBan hành Kế hoạch tổ chức thực hiện Phong trào \"Cả nước thi đua xây dựng xã hội\tSở Giáo dục và Đào tạo\tSở Nội vụ\n\n" +
            "\thọc tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030”\t\t\n" +
            "2\tXét, khen thưởng thành tích năm 2023\tSở Nội vụ\tVăn phòng UBND tỉnh\n" +
            "\tThực hiện tốt chế độ báo cáo định kỳ.");

        Assert.Equal("Số TT — Nhiệm vụ cụ thể — Đơn vị chủ trì — Đơn vị phối hợp", lines[0]);
        Assert.Equal("I — Nhiệm vụ thực hiện trong Quý I", lines[1]);
        Assert.StartsWith("1 — Ban hành Kế hoạch", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("— Sở Giáo dục và Đào tạo — Sở Nội vụ", lines[2], StringComparison.Ordinal);
        // The overflow of a cell is a row of its own, not glued to the last cell of the row above.
        Assert.Contains("học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030”", lines);
        Assert.Contains("2 — Xét, khen thưởng thành tích năm 2023 — Sở Nội vụ — Văn phòng UBND tỉnh", lines);
        // One leading tab is indentation.
        Assert.Equal("Thực hiện tốt chế độ báo cáo định kỳ.", lines[^1]);
    }

    [Fact]
    public void Rows_laid_out_with_dot_leaders_read_as_label_and_value_while_blanks_to_fill_stay()
    {
        var lines = PlanTextCleaner.Clean(
            "Công an tỉnh ............................................. 14 đại biểu\n\n" +
            "Các sở, ban, ngành còn lại ......................... mỗi đơn vị 02 đại biểu\n\n" +
            "Số: ......../KH-UBND\n\nThanh Hóa, ngày ..... tháng 4 năm 2026");

        Assert.Equal(["Công an tỉnh: 14 đại biểu", "Các sở, ban, ngành còn lại: mỗi đơn vị 02 đại biểu", "Số: ......../KH-UBND", "Thanh Hóa, ngày ..... tháng 4 năm 2026"], lines.Where(l => l.Length > 0));
    }

    [Fact]
    public void A_plan_issued_with_a_decision_and_its_appendix_are_read_past_the_decision_s_distribution_list()
    {
        var lines = PlanTextCleaner.Clean(
            "Điều 3. Các sở chịu trách nhiệm thi hành Quyết định này./.\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nPhan Quốc Thiện\n\n" +
            "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\n\nKẾ HOẠCH\nTổ chức Phong trào thi đua\n(Ban hành kèm theo Quyết định số 2207/QĐ-UBND)\n\nI. MỤC ĐÍCH\n1. Động viên doanh nghiệp.\n\n" +
            "PHỤ LỤC\nDANH MỤC MẪU HỒ SƠ\n(Kèm theo Kế hoạch)\n\nMẫu số 02. BÁO CÁO THÀNH TÍCH (không quá 08 trang)");

        var content = DocumentParts.Content(lines).ToList();

        Assert.DoesNotContain(content, l => l.Text.StartsWith("- Như Điều 3", StringComparison.Ordinal) || l.Text == "Phan Quốc Thiện");
        Assert.Equal(["", "Phụ lục"], content.Where(l => l.StartsPart is not null).Select(l => l.StartsPart));
        Assert.Contains(content, l => l.Text == "Mẫu số 02. BÁO CÁO THÀNH TÍCH (không quá 08 trang)");
        Assert.Equal(("TM. Ủy ban nhân dân, Chủ tịch", "Phan Quốc Thiện"), Signature.Read(lines));
    }

    [Fact]
    public void A_heading_in_capitals_cut_over_two_lines_is_one_heading()
    {
        var lines = PlanTextCleaner.Clean("I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích\nV. TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG, THỦ TỤC HỒ\n\nSƠ KHEN THƯỞNG\n1. Tiêu chuẩn");
        Assert.Equal(["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "V. TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG, THỦ TỤC HỒ SƠ KHEN THƯỞNG", "1. Tiêu chuẩn"], lines);
    }

    [Fact]
    public void Text_wrapped_at_a_width_is_rejoined_even_where_the_next_line_starts_with_a_name()
    {
        // As a PDF of a Word file gives it: every line cut near 75 characters, names carried to the next line.
        const string wrapped = """
            1. Thông qua đợt thi đua cao điểm nhằm cổ vũ động viên cán bộ, đảng
            viên và các tầng lớp nhân dân tích cực tham gia các hoạt động kỷ niệm 70 năm
            Chiến thắng Điện Biên Phủ, qua đó, góp phần khơi dậy và phát huy truyền thống
            yêu nước, tôn vinh, tri ân sâu sắc tới các thế hệ người Việt Nam đã hy sinh
            xương máu và có nhiều đóng góp trong sự nghiệp đấu tranh giải phóng dân tộc,
            thống nhất đất nước. Đồng thời, ra sức phấn đấu, nỗ lực vượt qua mọi khó khăn,
            hoàn thành tốt các mục tiêu, nhiệm vụ chính trị trong năm 2024, thi đua lập
            thành tích chào mừng các ngày lễ lớn của dân tộc, của tỉnh, của các cơ quan, đơn
            vị, địa phương, quyết tâm thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ tỉnh
            Hải Dương lần thứ XVII và Đại hội Đảng bộ các cấp, nhiệm kỳ 2020 - 2025.
            2. Giao cho Sở Lao động, Thương binh và Xã hội chủ trì, phối hợp với các cơ quan
            Bộ Chỉ huy Quân sự tỉnh và Sở Nội vụ (Ban Thi đua - Khen thưởng) kiểm tra,
            đôn đốc thực hiện Kế hoạch này; báo cáo kết quả thực hiện về Ủy ban nhân dân
            tỉnh trước ngày 15/5/2024.
            """;
        var lines = PlanTextCleaner.Clean(wrapped).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("kỷ niệm 70 năm Chiến thắng Điện Biên Phủ, qua đó", lines[0], StringComparison.Ordinal);
        Assert.Contains("phối hợp với các cơ quan Bộ Chỉ huy Quân sự tỉnh", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_paragraph_a_line_keeps_short_headings_apart_from_what_follows()
    {
        var lines = PlanTextCleaner.Clean("1. Phát động và tổ chức triển khai các phong trào thi đua yêu nước\nBám sát mục tiêu, nhiệm vụ phát triển kinh tế, xã hội của tỉnh.");
        Assert.Equal(2, lines.Count);
    }
}
