using System.Text;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;

namespace ThiDua.Core.Tests;

/// <summary>A reviewer puts a plan nobody has loaded into the bot from chat: draft, checked field by field, published, answering.</summary>
public class ImportDeskTests
{
    /// <summary>Hải Dương's plan as another province might issue it: a plan the bot has never seen.</summary>
    private static readonly string NewPlan = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Data, "plans", "hai-duong-70-dbp.txt"))
        .Replace("Hải Dương", "Hưng Yên", StringComparison.Ordinal).Replace("HẢI DƯƠNG", "HƯNG YÊN", StringComparison.Ordinal)
        .Replace("Số:            /KH-UBND", "Số: 88/KH-UBND", StringComparison.Ordinal);

    private static IncomingMessage Upload(string chat, string name, string content) => new()
    {
        Channel = "test",
        ChatId = chat,
        UserId = chat,
        File = new IncomingFile(name, "text/plain", Encoding.UTF8.GetByteCount(content), _ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(content)))),
    };

    /// <summary>A reviewer ("rev") has sent the new plan: its first card.</summary>
    private static Reply DraftOfNewPlan(TestBot bot)
    {
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
        bot.Ask("/nhapkehoach", "rev");
        return bot.Send(Upload("rev", "ke-hoach-hung-yen.txt", NewPlan)).Replies[0];
    }

    /// <summary>A draft saved before the steps were named (its step a number) goes on from that step after the upgrade.</summary>
    [Fact]
    public void A_draft_saved_with_a_numbered_step_goes_on_from_that_step()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var card = DraftOfNewPlan(bot);
        var drafts = bot.Database.Collection<LiteDB.BsonDocument>("import_drafts");
        var stored = Assert.Single(drafts.FindAll());
        stored["Step"] = 2;
        drafts.Update(stored);

        Assert.Contains("(4/7) Thời gian thi đua và các đợt", bot.Press(card, "Đúng", "rev").Text);
    }

    /// <summary>
    /// A reviewer's own list of dossier papers gets ids by the importer's rule: two reports stay two components (the
    /// officer's checklist tells them apart), each paper named by its kind.
    /// </summary>
    [Fact]
    public void A_dossier_list_typed_by_the_reviewer_keeps_two_papers_of_one_kind_apart()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        var next = DraftOfNewPlan(bot);
        while (!next.Text.Contains("Hồ sơ", StringComparison.Ordinal) || !next.Text.Contains("/7)", StringComparison.Ordinal)) next = bot.Press(next, "Đúng", "rev");
        bot.Press(next, "Sửa", "rev");
        next = bot.Ask("Báo cáo thành tích của cá nhân; Báo cáo thành tích của tập thể; Tờ trình của đơn vị; Ảnh hoạt động", "rev");
        while (!next.Text.Contains("Công bố để bot dùng", StringComparison.Ordinal)) next = bot.Press(next, "Đúng", "rev");
        bot.Press(next, "Công bố", "rev");

        var saved = Assert.Single(bot.Database.Campaigns.Find(c => c.Source.StartsWith("import:", StringComparison.Ordinal)));
        var ids = System.Text.Json.JsonDocument.Parse(saved.Json).RootElement.GetProperty("dossier").GetProperty("components").EnumerateArray().Select(c => c.GetProperty("id").GetString());
        Assert.Equal(["bao-cao-thanh-tich", "bao-cao-thanh-tich-2", "to-trinh", "thanh-phan-4"], ids);
    }

    [Fact]
    public void A_reviewer_imports_checks_corrects_and_publishes_and_the_plan_answers_at_once()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 3, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
        Assert.DoesNotContain("88/KH-UBND", bot.Ask("hồ sơ khen thưởng Hưng Yên gồm gì", "c9").Text);

        Assert.Contains("Gửi tệp kế hoạch", bot.Ask("/nhapkehoach", "rev").Text);
        var card = bot.Send(Upload("rev", "ke-hoach-hung-yen.txt", NewPlan)).Replies[0];
        Assert.Contains("(1/7) Số và ngày ban hành", card.Text);
        Assert.Contains("88/KH-UBND", card.Text);
        Assert.Contains("chưa ghi đủ ngày", card.Text);

        // Corrections by typing, the rest confirmed.
        bot.Press(card, "Sửa", "rev");
        Assert.Contains("(1/7)", bot.Ask("88/KH-UBND, 05/3/2024", "rev").Text);
        var next = bot.Press(card, "Đúng", "rev");
        Assert.Contains("Hưng Yên", next.Text);
        next = bot.Press(next, "Đúng", "rev");
        bot.Press(next, "Sửa", "rev");
        next = bot.Ask("Hưng Yên – 70 năm ĐBP", "rev");
        for (var i = 0; i < 5; i++) next = bot.Press(next, "Đúng", "rev");
        Assert.Contains("Công bố để bot dùng kế hoạch này", next.Text);
        // Nothing answers before publishing.
        Assert.DoesNotContain(bot.Knowledge.Campaigns, c => c.ShortName.Contains("Hưng Yên", StringComparison.Ordinal));
        var published = bot.Press(next, "Công bố", "rev");
        Assert.Contains("Đã công bố kế hoạch Hưng Yên – 70 năm ĐBP", published.Text);
        Assert.Contains("88/KH-UBND", published.Text);
        Assert.Contains("5/3/2024", published.Text);

        var answer = bot.Ask("hồ sơ khen thưởng Hưng Yên gồm gì", "c9");
        Assert.Contains("Tờ trình", answer.Text);
        Assert.Contains("88/KH-UBND", answer.Text);
        var saved = Assert.Single(bot.Database.Campaigns.Find(c => c.Source.StartsWith("import:", StringComparison.Ordinal)));
        Assert.Contains("Hưng Yên", saved.PlanText);
        // Like the built-in plans, it can be followed for reminders and nominated for.
        Assert.Contains("Đã bật nhắc hạn cho Hưng Yên", bot.Press($"r|on|{saved.Id}", "c9").Text);
        bot.Ask("Đề nghị Bằng khen của Thủ tướng cho đ/c Nguyễn Văn An, Chủ tịch UBND xã X, Hưng Yên, sinh năm 1975, nam, thành tích: hoàn thành xuất sắc nhiệm vụ", "c9");
        Assert.Contains("Đã lưu đề nghị", bot.Press("f|ok", "c9").Text);
        Assert.Equal(saved.Id, Assert.Single(bot.Database.Nominations.FindAll()).CampaignId);
    }

    [Fact]
    public void The_reviewer_sees_the_plans_own_words_for_a_time_without_an_end_and_the_estimate_flagged()
    {
        const string plan = """
            ỦY BAN NHÂN DÂN
            TỈNH SƠN LA
            Số: 88/KH-UBND
            Sơn La, ngày 15 tháng 9 năm 2025
            KẾ HOẠCH
            Phát động phong trào thi đua chào mừng Đại hội Đảng bộ tỉnh lần thứ XVI
            Ủy ban nhân dân tỉnh ban hành Kế hoạch phát động phong trào thi đua như sau:
            I. THỜI GIAN THI ĐUA
            Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVI.
            II. TỔ CHỨC THỰC HIỆN
            1. Các sở, ban, ngành: báo cáo kết quả về Sở Nội vụ trước ngày 20/12/2025.
            """;
        using var bot = new TestBot(new DateTimeOffset(2025, 9, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
        bot.Ask("/nhapkehoach", "rev");
        var card = bot.Send(Upload("rev", "kh.txt", plan)).Replies[0];
        for (var i = 0; i < 3; i++) card = bot.Press(card, "Đúng", "rev");
        Assert.Contains("(4/7) Thời gian thi đua và các đợt", card.Text);
        Assert.Contains("1/10/2025 – 19/12/2025", card.Text);
        Assert.Contains("kế hoạch ghi: Từ tháng 10/2025 đến khi tổ chức thành công Đại hội Đảng bộ tỉnh lần thứ XVI", card.Text);
        Assert.Contains("ngày kết thúc ước tính", card.Text);
        Assert.Contains("⚠", card.Text);
    }

    [Fact]
    public void Officers_cannot_import_bad_files_change_nothing_and_forged_draft_buttons_are_refused()
    {
        using var bot = new TestBot();
        Assert.Contains("Chỉ cán bộ thẩm định", bot.Ask("/nhapkehoach").Text);
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
        var before = bot.Database.Campaigns.Count();

        bot.Ask("/nhapkehoach", "rev");
        Assert.Contains("Không đọc được kế hoạch", bot.Send(Upload("rev", "rong.txt", "   ")).Replies[0].Text);
        bot.Ask("/nhapkehoach", "rev");
        Assert.Contains("không đọc được tệp .xlsx", bot.Send(Upload("rev", "bang.xlsx", "PK")).Replies[0].Text);
        bot.Ask("/nhapkehoach", "rev");
        var card = bot.Send(Upload("rev", "kh.txt", NewPlan)).Replies[0];
        var publish = card.Buttons.SelectMany(r => r).First().Data.Replace("k|ok|", "k|pub|", StringComparison.Ordinal);

        bot.Register("rev2", "Người Khác", "Ban TĐKT tỉnh", Role.Reviewer, "*");
        Assert.Contains("không phải của bạn", bot.Press(publish, "rev2").Text);
        bot.Press(publish, "rev");
        Assert.Equal(before, bot.Database.Campaigns.Count());
    }

    [Fact]
    public void A_published_plan_is_loaded_again_after_a_restart_with_its_text()
    {
        using var temp = new TempDatabase();
        using (var bot = new TestBot(databasePath: temp.Path))
        {
            bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
            bot.Ask("/nhapkehoach", "rev");
            var card = bot.Send(Upload("rev", "kh.txt", NewPlan)).Replies[0];
            for (var i = 0; i < 7; i++) card = bot.Press(card, "Đúng", "rev");
            Assert.Contains("Đã công bố", bot.Press(card, "Công bố", "rev").Text);
        }
        using var reopened = new Storage.BotDatabase(temp.Path);
        var kb = new Knowledge.KnowledgeLoader(reopened, Microsoft.Extensions.Logging.Abstractions.NullLogger<Knowledge.KnowledgeLoader>.Instance, TimeProvider.System).Load(RepoPaths.Data);
        var imported = Assert.Single(kb.Campaigns, c => c.Document.Number == "88/KH-UBND");
        Assert.Contains("Hưng Yên", kb.PlanTexts[imported.Id]);
        Assert.Equal(6, kb.Campaigns.Count);
    }

    [Fact]
    public void A_long_plan_text_is_kept_in_file_storage_not_in_its_record_and_reads_back_after_a_restart()
    {
        // An annex of tables makes the text longer than a record should hold (LiteDB refuses documents over 16 MB).
        var annex = string.Concat(Enumerable.Range(1, 6000).Select(i => $"| {i} | Xã số {i} | Báo cáo kết quả thi đua của đơn vị |\n"));
        var longPlan = NewPlan + "\nPHỤ LỤC\n" + annex;
        Assert.True(longPlan.Length > Storage.PlanTextStore.InlineLimit);
        using var temp = new TempDatabase();
        string id;
        using (var bot = new TestBot(databasePath: temp.Path))
        {
            bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "*");
            bot.Ask("/nhapkehoach", "rev");
            var card = bot.Send(Upload("rev", "kh-dai.txt", longPlan)).Replies[0];
            var draft = Assert.Single(bot.Database.Collection<Import.StoredDraft>("import_drafts").FindAll());
            Assert.Null(draft.PlanText);
            Assert.Equal($"draft/{draft.Id}", draft.PlanTextFile);

            for (var i = 0; i < 7; i++) card = bot.Press(card, "Đúng", "rev");
            Assert.Contains("Đã công bố", bot.Press(card, "Công bố", "rev").Text);
            var saved = Assert.Single(bot.Database.Campaigns.Find(c => c.Source.StartsWith("import:", StringComparison.Ordinal)));
            id = saved.Id;
            Assert.Null(saved.PlanText);
            Assert.Equal($"campaign/{id}", saved.PlanTextFile);
            Assert.True(LiteDB.BsonSerializer.Serialize(LiteDB.BsonMapper.Global.ToDocument(saved)).Length < 64 * 1024);
            // The draft's copy went with the draft; dossier files (what the start check counts) are untouched.
            Assert.Null(bot.Database.PlanTexts.Get(null, draft.PlanTextFile));
            Assert.Empty(bot.Database.Files.FindAll());
            Assert.EndsWith(annex, bot.Database.PlanTexts.Get(saved.PlanText, saved.PlanTextFile));
        }
        using var reopened = new Storage.BotDatabase(temp.Path);
        var kb = new Knowledge.KnowledgeLoader(reopened, Microsoft.Extensions.Logging.Abstractions.NullLogger<Knowledge.KnowledgeLoader>.Instance, TimeProvider.System).Load(RepoPaths.Data);
        Assert.Equal(longPlan, kb.PlanTexts[id]);
    }
}
