using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Tests;

/// <summary>
/// The openings of real plans as legal-document websites serve them (site chrome, metadata rows, table pipes,
/// header lines split, the title heading dropped): the dev split of tests/eval/openings (see its SOURCES.md; the
/// held-out plans are not read here). Each opening's header must come out as the plan prints it.
/// </summary>
public class ImportOpeningsTests
{
    private static readonly AdministrativeUnits Places = AdministrativeUnits.Load(RepoPaths.Data);

    [Theory]
    [InlineData("son-la-01-2025", "01/KH-UBND", "2025-01-02", "UBND tỉnh Sơn La", "Sơn La", "Kế hoạch triển khai công tác thi đua, khen thưởng năm 2025")]
    [InlineData("hoa-binh-18-2024", "18/KH-UBND", "2024-01-29", "UBND tỉnh Hòa Bình", "Hòa Bình", "Kế hoạch thực hiện công tác thi đua, khen thưởng tỉnh Hòa Bình năm 2024")]
    [InlineData("hdtdkt-tw-01-2024", "1/KH-HĐTĐKT", "2024-05-20", "Hội đồng Thi đua - Khen thưởng Trung ương", "Toàn quốc", "Kế hoạch tổ chức Đại hội Thi đua yêu nước các cấp, các ngành tiến tới Đại hội Thi đua yêu nước toàn quốc lần thứ XI năm 2025")]
    [InlineData("nghe-an-594-2021", "594/KH-UBND", "2021-10-21", "UBND tỉnh Nghệ An", "Nghệ An", "Kế hoạch thực hiện Chỉ thị số 19/CT-TTg ngày 16 tháng 7 năm 2021 của Thủ tướng Chính phủ về việc phát động thi đua")]
    [InlineData("ninh-thuan-2870-2022", "2870/KH-UBND", "2022-07-02", "UBND tỉnh Ninh Thuận", "Ninh Thuận", "Kế hoạch phát động Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau” giai đoạn 2021 - 2025 trên địa bàn tỉnh Ninh Thuận")]
    [InlineData("phu-nhuan-02-2016", "02/KH-UBND", "2016-01-19", "UBND quận Phú Nhuận", "Hồ Chí Minh", "Kế hoạch tổ chức Hội nghị Tổng kết Phong trào thi đua yêu nước năm 2015")]
    public void The_header_of_a_real_opening_reads_as_printed(string id, string number, string issued, string issuer, string province, string title)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "eval", "openings", id + ".txt"));
        var draft = PlanImporter.Import(text, Places);
        var c = draft.Campaign;
        Assert.Equal(number, c.Document.Number);
        Assert.Equal(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), c.Document.IssuedOn);
        Assert.Equal(issuer, c.Document.Issuer);
        Assert.Equal(province, c.Area.Province);
        Assert.StartsWith(title, c.Document.Title, StringComparison.Ordinal);
        Assert.True(c.ShortName.Length <= 80);
        Assert.Empty(CampaignValidator.Validate(c, id + ".json"));
        // An opening is cut after two thousand characters: what it does not hold is flagged, not made up.
        Assert.Contains(draft.Flags, f => f.Field is "awards" or "deadlines");
    }

    [Fact]
    public void The_legal_bases_of_the_openings_are_read_with_their_numbers_and_dates()
    {
        static Campaign Read(string id) => PlanImporter.Import(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "eval", "openings", id + ".txt")), Places).Campaign;

        var sonLa = Read("son-la-01-2025").LegalBases;
        Assert.Contains(sonLa, b => b.Text.StartsWith("Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", StringComparison.Ordinal) && b.Date == new DateOnly(2022, 6, 15));
        Assert.Contains(sonLa, b => b.DocumentNumber == "98/2023/NĐ-CP" && b.Date == new DateOnly(2023, 12, 31));
        Assert.Contains(sonLa, b => b.DocumentNumber == "01/2024/TT-BNV" && b.Date == new DateOnly(2024, 2, 24));
        Assert.Equal(3, sonLa.Count);

        var ninhThuan = Read("ninh-thuan-2870-2022").LegalBases;
        Assert.Equal(["666/QĐ-TTg", "19-CT/TU", "34/QĐ-UBND", "890/KH-UBND"], ninhThuan.Select(b => b.DocumentNumber));

        var ngheAn = Read("nghe-an-594-2021").LegalBases;
        Assert.Equal(["19/CT-TTg", "16/KH-HĐTĐKT"], ngheAn.Select(b => b.DocumentNumber));
        Assert.Equal(new DateOnly(2021, 8, 31), ngheAn[1].Date);
    }
}
