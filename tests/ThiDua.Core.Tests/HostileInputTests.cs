using System.Text;

namespace ThiDua.Core.Tests;

/// <summary>Garbage, hostile and huge input always gets a normal reply, never the internal-error apology.</summary>
public class HostileInputTests
{
    private const string InternalError = "gặp lỗi khi xử lý";

    private static readonly string[] Fragments =
    [
        "hồ sơ", "ho so", "lào cai", "LC", "đợt 2", "dot", "quý IV", "tập thể", "cá nhân", "bk ct", "/hoso", "/", "@", "#",
        "'; DROP TABLE chats; --", "<b>x</b>", "<script>alert(1)</script>", "{\"a\":1}", "\u0000", "\u001b[31m", "\u200b", "\ud83c\udf89",
        "𝕏", "Ж", "漢字", "ﷺ", "\r\n", "\t", "   ", "thì sao", "còn", "điện biên phủ", "217", "2024", "30/6", "q|doss|", "|||",
        "đ", "Đ", "H'Hen Niê", "Ksor Y Phước", "?", "!!!", "0", "-1", "99999999999999999999",
    ];

    [Fact]
    public void Thousands_of_random_messages_never_break_the_bot()
    {
        using var bot = new TestBot();
        var random = new Random(20241123);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            var parts = random.Next(1, 8);
            for (var p = 0; p < parts; p++) text.Append(Fragments[random.Next(Fragments.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            var chat = $"f{random.Next(20)}";
            var reply = random.Next(5) == 0 ? bot.Press(text.ToString(), chat) : bot.Ask(text.ToString(), chat);
            Assert.False(string.IsNullOrWhiteSpace(reply.Text), $"empty reply to: {text}");
            Assert.DoesNotContain(InternalError, reply.Text);
            Assert.True(reply.Text.Length <= 1200, $"reply too long ({reply.Text.Length}) to: {text}");
            Assert.All(reply.Buttons.SelectMany(r => r), b => Assert.True(Encoding.UTF8.GetByteCount(b.Data) <= 64));
        }
    }

    [Fact]
    public void A_control_character_typed_into_a_field_is_not_stored_and_the_To_trinh_still_exports()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        bot.Ask("Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, nam, sinh năm 1980, đợt 1 Lào Cai, thành tích: hoàn thành\u0001 xuất sắc\uFFFE nhiệm vụ");
        Assert.Contains("Đã lưu", bot.Press("f|ok").Text);
        bot.Press("n|submitok|1");
        var stored = bot.Database.Nominations.FindById(1).Achievement!;
        Assert.DoesNotContain(stored, c => char.IsControl(c) || c == '\uFFFE');
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Access.Role.Reviewer, "lao-cai-217");
        bot.Press("v|m|1|UnderReview", "rev");
        var draft = bot.Press("v|t|lao-cai-217", "rev");
        Assert.NotNull(draft.File);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(draft.File!.Path, false);
        Assert.Contains("Nguyễn Văn An", word.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void Hostile_messages_and_forged_buttons_from_other_people_never_change_what_is_stored()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        bot.Ask("Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, thành tích: hoàn thành xuất sắc nhiệm vụ");
        bot.Press("f|ok");
        bot.Press("n|submitok|1");
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Access.Role.Reviewer, "lao-cai-217");
        bot.Press("v|m|1|UnderReview", "rev");
        string Snapshot() => string.Join('\n',
            bot.Database.Nominations.FindAll().OrderBy(n => n.Id).Select(n => System.Text.Json.JsonSerializer.Serialize(n))
                .Concat(bot.Database.Officers.FindAll().Where(p => p.UserKey is "test:c1" or "test:rev").OrderBy(p => p.UserKey).Select(p => System.Text.Json.JsonSerializer.Serialize(p))));
        var before = Snapshot();
        // Colleagues of the same unit (evil0–2), an officer elsewhere, and a reviewer of another campaign.
        bot.Register("evil3", "Người Lạ", "UBND phường Khác");
        bot.Register("evil4", "Thẩm Định Khác", "Ban TĐKT Hải Dương", Access.Role.Reviewer, "hai-duong-70-dbp");

        var random = new Random(30112026);
        string[] buttons = ["n|open|1", "n|submit|1", "n|withdraw|1", "n|edit|1", "n|comp|1|to-trinh|x", "v|m|1|Presented", "v|m|1|Awarded", "v|r|1", "v|d|1",
            "v|f|1|0", "h|t|test:c1|test:evil0", "h|u|ubnd xa x", "i|rev|lao-cai-217", "i|ok|ubnd xa x", "g|erase", "g|unit|ubnd xa x", "x|del|1", "r|off|lao-cai-217"];
        for (var i = 0; i < 2000; i++)
        {
            var chat = $"evil{random.Next(5)}";
            if (random.Next(4) == 0) bot.Press(buttons[random.Next(buttons.Length)] + (random.Next(3) == 0 ? "|" + Fragments[random.Next(Fragments.Length)] : ""), chat);
            else bot.Ask(string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => Fragments[random.Next(Fragments.Length)] + " ")), chat);
        }

        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("q|doss|lao-cai-217|p999")]
    [InlineData("q|nope|lao-cai-217")]
    [InlineData("q|doss")]
    [InlineData("cmd|rm -rf /")]
    [InlineData("")]
    public void Forged_button_data_gets_a_polite_reply(string data)
    {
        using var bot = new TestBot();
        var reply = bot.Press(data);
        Assert.Contains("không còn dùng được", reply.Text);
    }

    [Fact]
    public void Hundred_kilobytes_of_text_are_refused_politely_and_context_is_kept()
    {
        using var bot = new TestBot();
        bot.Ask("thời gian thi đua Lào Cai");
        Assert.Contains("dài quá", bot.Ask(string.Concat(Enumerable.Repeat("hồ sơ ", 20_000))).Text);
        Assert.Contains("217/KH-UBND", bot.Ask("hồ sơ gồm những gì?").Text);
    }
}
