using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests.Answering;

/// <summary>
/// A real plan the bot has never seen, brought in by the importer exactly as the command line does (draft and text
/// written into a data folder, then loaded on start), and asked about.
/// </summary>
public sealed class ImportedPlanAnswerTests : IDisposable
{
    private static readonly DateTimeOffset March2024 = new(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly ImportedData _data = new();
    private readonly KnowledgeBase _knowledge;

    public ImportedPlanAnswerTests()
    {
        // The central council's plan to hold the congresses: numbered "01", its end never written.
        _data.Import(Path.Combine(RepoPaths.Root, "tests", "eval", "openings", "hdtdkt-tw-01-2024.txt"));
        _knowledge = _data.Load();
    }

    public void Dispose() => _data.Dispose();

    [Fact]
    public void An_end_the_plan_never_wrote_is_marked_as_estimated_and_says_why()
    {
        using var bot = new TestBot(March2024, knowledge: _knowledge);
        var reply = bot.Ask("kế hoạch 1/KH-HĐTĐKT kết thúc khi nào");

        Assert.Contains("20/5/2024 – 31/12/2024 (ước tính)", reply.Text);
        Assert.Contains("Kế hoạch không ghi ngày kết thúc", reply.Text);
    }

    [Fact]
    public void A_plan_number_is_matched_whatever_its_leading_zeros()
    {
        using var bot = new TestBot(March2024, knowledge: _knowledge);
        var reply = bot.Ask("kế hoạch 01 thời gian thế nào");

        Assert.StartsWith("Thời gian thi đua — Toàn quốc – Đại hội Thi đua yêu nước", reply.Text);
    }

    [Fact]
    public void The_issuer_names_its_plan()
    {
        using var bot = new TestBot(March2024, knowledge: _knowledge);
        var reply = bot.Ask("hội đồng thi đua khen thưởng trung ương có kế hoạch gì");

        Assert.Contains("Ban hành: Kế hoạch 1/KH-HĐTĐKT ngày 20/5/2024 của Hội đồng Thi đua - Khen thưởng Trung ương", reply.Text);
    }

    [Fact]
    public void A_number_written_with_a_leading_zero_before_the_slash_names_its_plan()
    {
        using var data = new ImportedData();
        // Numbered "02/KH-UBND": officers write "02/KH-UBND" or "2/KH-UBND".
        data.Import(Path.Combine(RepoPaths.Root, "tests", "eval", "openings", "phu-nhuan-02-2016.txt"));
        using var bot = new TestBot(new DateTimeOffset(2016, 1, 25, 9, 0, 0, TimeSpan.FromHours(7)), knowledge: data.Load());

        foreach (var number in new[] { "02/KH-UBND", "2/KH-UBND" })
            Assert.Contains("Ngày ban hành: 19/1/2016", bot.Ask($"kế hoạch số {number} ký ngày nào").Text);
    }
}
