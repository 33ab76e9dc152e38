using System.Text;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Hồ sơ đề nghị khen thưởng", "ho so de nghi khen thuong")]
    [InlineData("ĐIỆN BIÊN PHỦ", "dien bien phu")]
    [InlineData("  Thi   đua\tkhen\nthưởng ", "thi dua khen thuong")]
    [InlineData("hóa", "hoa")]
    [InlineData("hoá", "hoa")]
    [InlineData("thủy", "thuy")]
    [InlineData("thuỷ", "thuy")]
    [InlineData("Đắk Lắk", "dak lak")]
    public void Fold_removes_diacritics_case_and_extra_space(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Fact]
    public void Fold_of_latin_text_character_by_character_is_the_fold_of_the_whole_text()
    {
        // The fast path folds Latin text a character at a time; it must agree with decomposing the whole string,
        // around every character it knows (spaces, controls and accents included) and with accents out of order.
        for (var c = 0; c < 0x2100; c++)
        {
            if (char.IsSurrogate((char)c)) continue;
            foreach (var text in new[] { $"A{(char)c}b c", $"{(char)c}", $" {(char)c} ", $"e\u0323{(char)c}\u0302" })
                Assert.Equal(VietnameseText.FoldAny(text), VietnameseText.Fold(text));
        }
        foreach (var text in new[] { "ệ", "e\u0323\u0302", "e\u0302\u0323", "Ư\u0301\u0323 – “x”…", "\0a\u0001 b\u00a0c" })
            Assert.Equal(VietnameseText.FoldAny(text), VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_treats_composed_and_decomposed_text_alike()
    {
        const string text = "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh";
        Assert.Equal(VietnameseText.Fold(text.Normalize(NormalizationForm.FormC)), VietnameseText.Fold(text.Normalize(NormalizationForm.FormD)));
    }

    [Fact]
    public void Words_keep_document_numbers_and_dates_whole()
    {
        var words = VietnameseText.Words("Theo Kế hoạch 217/KH-UBND, hạn 30/6/2024; Nghị định 98/2023/NĐ-CP.");
        Assert.Contains("217/kh-ubnd", words);
        Assert.Contains("30/6/2024", words);
        Assert.Contains("98/2023/nd-cp", words);
        Assert.DoesNotContain(",", words);
    }

    [Fact]
    public void Glossary_expands_officers_abbreviations()
    {
        var glossary = Glossary.Load(Path.Combine(TestBot.DataFolder, "glossary.json"));
        Assert.Equal("bang khen chu tich uy ban nhan dan tinh", string.Join(' ', glossary.Expand("BK CT UBND tỉnh")));
        Assert.Equal("ho so thi dua khen thuong", string.Join(' ', glossary.Expand("hs tdkt")));
        Assert.Equal("ky niem 70 nam dien bien phu", string.Join(' ', glossary.Expand("kỷ niệm 70 năm ĐBP")));
        Assert.Equal("so noi vu", string.Join(' ', glossary.Expand("sở nv")));
        Assert.Equal("han nop", string.Join(' ', glossary.Expand("deadline nộp")));
    }

    [Fact]
    public void Dates_are_written_day_month_year_without_leading_zeros()
    {
        Assert.Equal("10/3/2024", VietnameseDates.Format(new DateOnly(2024, 3, 10)));
        Assert.Equal("Chủ nhật, 30/6/2024", VietnameseDates.WithWeekday(new DateOnly(2024, 6, 30)));
    }

    [Theory]
    [InlineData(2024, 6, 23, "còn 7 ngày nữa")]
    [InlineData(2024, 6, 27, "còn 3 ngày nữa")]
    [InlineData(2024, 6, 29, "ngày mai")]
    [InlineData(2024, 6, 30, "hôm nay")]
    [InlineData(2024, 7, 1, "hôm qua")]
    [InlineData(2025, 1, 30, "cách đây 7 tháng")]
    public void Relative_dates_count_calendar_days(int y, int m, int d, string expected) =>
        Assert.Equal(expected, VietnameseDates.Relative(new DateOnly(2024, 6, 30), new DateOnly(y, m, d)));

    [Fact]
    public void Period_status_says_when_a_campaign_is_over()
    {
        var start = new DateOnly(2024, 4, 10);
        var end = new DateOnly(2024, 6, 20);
        Assert.StartsWith("chưa bắt đầu", VietnameseDates.PeriodStatus(start, end, new DateOnly(2024, 4, 1)));
        Assert.StartsWith("đang diễn ra", VietnameseDates.PeriodStatus(start, end, new DateOnly(2024, 5, 1)));
        Assert.Equal("đã kết thúc, cách đây 5 tháng", VietnameseDates.PeriodStatus(start, end, new DateOnly(2024, 11, 20)));
    }
}
