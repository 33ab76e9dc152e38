using ThiDua.Core.Access;
using ThiDua.Core.Desk;
using ThiDua.Core.Nominations;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests.Features;

/// <summary>The web desk's table shows each person exactly what the chat lets them read, and its filters cut only that.</summary>
public class NominationTableTests
{
    private static readonly DateTimeOffset May2024 = new(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(7));

    private static string Save(TestBot bot, string chat, string name, bool submit)
    {
        bot.Ask($"Đề nghị BK CT tỉnh cho đ/c {name}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ", chat);
        Assert.Contains("Đã lưu", bot.Press("f|ok", chat).Text);
        var n = bot.Database.Nominations.FindAll().OrderBy(x => x.Id).Last();
        if (submit) Assert.Contains("Đã nộp", bot.Press($"n|submitok|{n.Id}", chat).Text);
        return n.Code;
    }

    [Fact]
    public void Each_person_sees_what_they_may_read_and_the_filters_cut_within_it()
    {
        using var bot = new TestBot(May2024);
        bot.Register("a", "Lò Thị An", "UBND xã Bản Vược");
        bot.Register("a2", "Lò Văn Hai", "UBND xã Bản Vược");
        bot.Register("b", "Vàng Văn Bình", "UBND xã Cốc San");
        bot.Register("rev", "Trần Văn Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "lao-cai-217");
        var submitted = Save(bot, "a", "Nguyễn Văn Một", submit: true);
        var draft = Save(bot, "a", "Đỗ Thị Nháp", submit: false);
        var colleagues = Save(bot, "a2", "Phạm Văn Đồng Nghiệp", submit: true);
        var otherUnit = Save(bot, "b", "Giàng A Hai", submit: true);
        var table = new NominationTable(bot.Database);
        var access = new AccessPolicy(bot.Database, new AccessOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        string[] Codes(string chat, NominationQuery q) => [.. table.Find(bot.Knowledge, access.Who($"test:{chat}"), q).Rows.Select(r => r.Nomination.Code).Order()];

        Assert.Equal(new[] { submitted, draft, colleagues }.Order(), Codes("a", new()));
        Assert.Equal([otherUnit], Codes("b", new()));
        // A draft never submitted stays inside its unit, for the reviewer too.
        Assert.Equal(new[] { submitted, colleagues, otherUnit }.Order(), Codes("rev", new()));
        Assert.Equal([otherUnit], Codes("rev", new() { Unit = VietnameseText.Fold("UBND xã Cốc San") }));
        Assert.Equal([colleagues], Codes("rev", new() { Search = "dong nghiep" }));
        Assert.Equal([draft], Codes("a", new() { Status = NominationStatus.Draft }));
        // Another unit's nomination by its code, or a draft to a reviewer: nothing.
        Assert.Null(table.ByCode(bot.Knowledge, access.Who("test:b"), submitted));
        Assert.Null(table.ByCode(bot.Knowledge, access.Who("test:rev"), draft));
        Assert.NotNull(table.ByCode(bot.Knowledge, access.Who("test:rev"), submitted));

        var firstPage = table.Find(bot.Knowledge, access.Who("test:rev"), new() { PageSize = 2, Sort = NominationSort.Code });
        Assert.Equal((3, 2, 2), (firstPage.Total, firstPage.PageCount, firstPage.Rows.Count));
        Assert.Single(table.Find(bot.Knowledge, access.Who("test:rev"), new() { PageSize = 2, Page = 2, Sort = NominationSort.Code }).Rows);
    }

    [Fact]
    public void What_an_officer_does_in_chat_shows_at_the_next_load_and_a_write_rolled_back_does_not()
    {
        using var bot = new TestBot(May2024);
        bot.Register("a", "Lò Thị An", "UBND xã Bản Vược");
        bot.Register("rev", "Trần Văn Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "lao-cai-217");
        var first = Save(bot, "a", "Nguyễn Văn Một", submit: true);
        var table = new NominationTable(bot.Database);
        var access = new AccessPolicy(bot.Database, new AccessOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        string[] Reviewer() => [.. table.Find(bot.Knowledge, access.Who("test:rev"), new()).Rows.Select(r => r.Nomination.Code).Order()];
        Assert.Equal([first], Reviewer());

        // Registered and submitted after the table was first read: the reviewer sees it next time, without a restart.
        var second = Save(bot, "a", "Đỗ Thị Hai", submit: true);
        Assert.Equal(new[] { first, second }.Order(), Reviewer());
        var id = bot.Database.Nominations.FindOne(n => n.Code == second).Id;
        Assert.Contains("Đã rút", bot.Press($"n|withdraw|{id}", "a").Text);
        Assert.Equal([first], Reviewer());

        // A change that failed half-way was never saved, so it never shows.
        var stored = bot.Database.Nominations.FindOne(n => n.Code == first);
        Assert.Throws<InvalidOperationException>(() => bot.Database.InTransaction<int>(() =>
        {
            stored.Status = NominationStatus.Awarded;
            bot.Database.Nominations.Update(stored);
            throw new InvalidOperationException("hỏng giữa chừng");
        }));
        Assert.Equal(NominationStatus.Submitted, table.Find(bot.Knowledge, access.Who("test:rev"), new()).Matching.Single().Status);
    }
}
