using MiniExcelLibs;
using ThiDua.Core.Conversations;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Tests;

/// <summary>An officer's own nominations: files, the checklist, submission, access, the trích ngang export.</summary>
public class OfficerDeskTests
{
    private static string FullEntry(string name) =>
        $"Đề nghị BK CT tỉnh cho đ/c {name}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ huấn luyện";

    private static void SaveOne(TestBot bot, string name = "Nguyễn Văn An", string chat = "c1")
    {
        bot.Ask(FullEntry(name), chat);
        if (bot.Database.Officers.FindById($"test:{chat}") is null) bot.Ask("UBND xã X", chat);
        Assert.Contains("Đã lưu", bot.Press("f|ok", chat).Text);
    }

    private static Reply SendFile(TestBot bot, string name, byte[] content, string? caption, string chat = "c1") =>
        bot.Engine.HandleAsync(new IncomingMessage
        {
            Channel = "test",
            ChatId = chat,
            UserId = chat,
            Text = caption,
            File = new IncomingFile(name, null, content.Length, _ => Task.FromResult<Stream>(new MemoryStream(content))),
        }).GetAwaiter().GetResult().Replies[0];

    private static readonly byte[] Pdf = "%PDF-1.4 test"u8.ToArray();

    [Fact]
    public void A_file_named_in_its_caption_ticks_the_checklist_and_is_stored()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        var reply = SendFile(bot, "to-trinh.pdf", Pdf, "Tờ trình");
        Assert.Contains("✅ Tờ trình đề nghị Chủ tịch", reply.Text);
        var n = bot.Database.Nominations.FindAll().Single();
        var attachment = Assert.Single(n.Attachments);
        using var stored = new MemoryStream();
        bot.Database.Files.Download(attachment.FileId, stored);
        Assert.Equal(Pdf, stored.ToArray());
    }

    [Fact]
    public void A_file_without_caption_asks_which_component_by_buttons()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        var ask = SendFile(bot, "scan.jpg", [0xFF, 0xD8, 0xFF, 0xE0], null);
        Assert.Contains("thành phần nào", ask.Text);
        var done = bot.Press(ask, "Báo cáo thành tích");
        Assert.Contains("✅ Báo cáo thành tích", done.Text);
    }

    [Theory]
    [InlineData("virus.exe", "không nhận được")]
    [InlineData("hidden.pdf", "không đúng loại")]
    public void Executables_are_refused_and_nothing_is_attached(string name, string expected)
    {
        using var bot = new TestBot();
        SaveOne(bot);
        var reply = SendFile(bot, name, [(byte)'M', (byte)'Z', 0x90, 0], "Tờ trình");
        Assert.Contains(expected, reply.Text);
        Assert.Empty(bot.Database.Nominations.FindAll().Single().Attachments);
    }

    [Fact]
    public async Task Files_over_the_limit_are_refused()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        var reply = (await bot.Engine.HandleAsync(new IncomingMessage
        {
            Channel = "test",
            ChatId = "c1",
            UserId = "c1",
            File = new IncomingFile("big.pdf", null, DossierFiles.MaxBytes + 1, _ => throw new InvalidOperationException("must not be read")),
        })).Replies[0];
        Assert.Contains("quá lớn", reply.Text);
    }

    [Fact]
    public void Cuatoi_lists_own_nominations_with_what_they_lack_and_submission_makes_them_read_only()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        var list = bot.Ask("/cuatoi");
        // Five components, two of them prepared by Bộ CHQS tỉnh: the commune lacks three.
        Assert.Contains("LC-2024-0001 — Nguyễn Văn An — nháp — thiếu 3 thành phần hồ sơ", list.Text);
        var open = bot.Press(list, "Mở LC-2024-0001");
        var confirm = bot.Press(open, "Nộp");
        Assert.StartsWith("Nộp đề nghị LC-2024-0001 (Nguyễn Văn An) cho Bộ CHQS tỉnh", confirm.Text);
        Assert.Contains("Hồ sơ đơn vị bạn còn thiếu: Tờ trình của cơ quan", confirm.Text);
        Assert.DoesNotContain("Biên bản xét duyệt", confirm.Text);
        Assert.Equal(NominationStatus.Draft, bot.Database.Nominations.FindAll().Single().Status);
        var submitted = bot.Press(confirm, "Nộp");
        Assert.Contains("Đã nộp đề nghị LC-2024-0001 cho Bộ CHQS tỉnh", submitted.Text);
        Assert.Equal(NominationStatus.Submitted, bot.Database.Nominations.FindAll().Single().Status);
        Assert.Contains("không làm được", bot.Press("n|edit|1").Text);
    }

    [Fact]
    public void Editing_a_draft_keeps_its_code()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        bot.Press("n|edit|1");
        bot.Ask("sửa chức vụ: Phó Chỉ huy trưởng");
        var updated = bot.Press("f|ok");
        Assert.Contains("Đã cập nhật đề nghị LC-2024-0001", updated.Text);
        var n = bot.Database.Nominations.FindAll().Single();
        Assert.Equal("Phó Chỉ huy trưởng", n.Position);
    }

    [Fact]
    public void Another_officer_cannot_open_withdraw_or_attach_to_my_nomination()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        bot.Register("intruder", "Người Khác", "UBND phường Y");
        foreach (var forged in new[] { "n|open|1", "n|withdraw|1", "n|submit|1", "n|comp|1|to-trinh|abcd1234", "n|edit|1" })
            Assert.Contains("không thuộc bạn hay đơn vị của bạn", bot.Press(forged, chat: "intruder").Text);
        Assert.Equal(NominationStatus.Draft, bot.Database.Nominations.FindAll().Single().Status);
    }

    [Fact]
    public void A_colleague_of_the_same_unit_reads_my_nomination_but_cannot_change_it()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        bot.Register("colleague", "Đồng Nghiệp", TestBot.DefaultUnit);

        var unit = bot.Press("n|unit", chat: "colleague");
        Assert.Contains("LC-2024-0001", unit.Text);
        var opened = bot.Press("n|open|1", chat: "colleague");
        Assert.Contains("chỉ xem", opened.Text);
        Assert.Empty(opened.Buttons);
        foreach (var action in new[] { "n|withdraw|1", "n|submit|1", "n|edit|1" })
            Assert.Contains("chỉ xem được", bot.Press(action, chat: "colleague").Text);
        Assert.Equal(NominationStatus.Draft, bot.Database.Nominations.FindAll().Single().Status);
    }

    [Fact]
    public void Withdrawn_nominations_no_longer_count_towards_the_quota()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        bot.Press("n|withdraw|1");
        bot.Ask(FullEntry("Nguyễn Văn An"));
        var saved = bot.Press("f|ok");
        Assert.Contains("Đã lưu đề nghị LC-2024-0002", saved.Text);
    }

    [Fact]
    public void The_trich_ngang_export_is_titled_with_the_plan_holds_what_was_submitted_and_drafts_only_when_asked()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        SaveOne(bot, "Lò Văn Sinh");
        bot.Press("n|submitok|1");

        var reply = bot.Ask("/xuat");
        Assert.Contains("Không gồm 1 bản nháp chưa nộp", reply.Text);
        var sheet = MiniExcel.Query(reply.File!.Path).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(TrichNgangExport.Title, sheet[0]["A"]);
        Assert.Contains("Kế hoạch 217/KH-UBND", (string)sheet[1]["A"]);
        var rows = Rows(reply.File.Path);
        var row = Assert.Single(rows);
        Assert.Equal(TrichNgangExport.Columns.Select(c => c.Name).ToArray(), row.Keys.ToArray());
        Assert.Equal("LC-2024-0001", row["Mã đề nghị"]);
        Assert.Equal("Nguyễn Văn An", row["Họ tên / tên tập thể"]);
        Assert.Equal("Bằng khen của Chủ tịch UBND tỉnh", row["Hình thức đề nghị"]);
        Assert.Equal("Đợt 1", row["Đợt"]);
        Assert.Equal(1980d, Convert.ToDouble(row["Năm sinh"], System.Globalization.CultureInfo.InvariantCulture));

        var withDrafts = bot.Press(reply, "Xuất cả 1 bản nháp");
        var all = Rows(withDrafts.File!.Path);
        Assert.Equal(["Nguyễn Văn An", "Lò Văn Sinh"], all.Select(r => r["Họ tên / tên tập thể"]).ToArray());
        Assert.Equal("nháp", all[1]["Trạng thái"]);
        Assert.Contains("kể cả bản nháp", (string)MiniExcel.Query(withDrafts.File.Path).Cast<IDictionary<string, object>>().ElementAt(2)["A"]);
        File.Delete(reply.File.Path);
        File.Delete(withDrafts.File.Path);
    }

    private static List<IDictionary<string, object>> Rows(string path) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, startCell: $"A{TrichNgangExport.HeaderRow}").Cast<IDictionary<string, object>>()];

    [Fact]
    public void A_submission_can_be_withdrawn_until_appraisal_starts()
    {
        using var bot = new TestBot();
        SaveOne(bot);
        var submitted = bot.Press("n|submitok|1");
        var withdrawn = bot.Press(submitted, "Rút lại");
        Assert.Contains("Đã rút đề nghị LC-2024-0001", withdrawn.Text);

        SaveOne(bot, "Lò Văn Sinh");
        bot.Press("n|submitok|2");
        var n = bot.Database.Nominations.FindById(2);
        n.Status = NominationStatus.UnderReview;
        bot.Database.Nominations.Update(n);
        Assert.Contains("đang được thẩm định: không rút lại được", bot.Press("n|withdraw|2").Text);
        Assert.Equal(NominationStatus.UnderReview, bot.Database.Nominations.FindById(2).Status);
    }

    [Fact]
    public void A_dossier_file_whose_stored_bytes_changed_is_refused_to_the_reviewer_not_served()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        SaveOne(bot);
        SendFile(bot, "to-trinh.pdf", Pdf, "Tờ trình");
        bot.Press("n|submitok|1");
        bot.Register("rev", "Trần Thẩm", "Ban TĐKT tỉnh", Access.Role.Reviewer, "lao-cai-217");
        var attachment = Assert.Single(bot.Database.Nominations.FindById(1).Attachments);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), attachment.Sha256);

        var served = bot.Press("v|f|1|0", "rev");
        Assert.Equal(Pdf, File.ReadAllBytes(served.File!.Path));

        // One damaged page of file storage: the same length, different bytes.
        var chunks = bot.Database.Collection<LiteDB.BsonDocument>("_chunks");
        var chunk = chunks.FindAll().Single(c => c["_id"]["f"].AsString == attachment.FileId);
        var data = chunk["data"].AsBinary;
        data[0] ^= 0xFF;
        chunk["data"] = data;
        chunks.Update(chunk);

        var refused = bot.Press("v|f|1|0", "rev");
        Assert.Null(refused.File);
        Assert.Contains("bị hỏng", refused.Text);
        Assert.Contains("SHA-256", refused.Text);
        Assert.Contains("sao lưu", refused.Text);
    }
}
