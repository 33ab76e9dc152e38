using System.Text;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Tests;

/// <summary>Plans arrive as Word, PDF or text files; bad files get a reason; an imported plan answers like a reviewed one.</summary>
public class PlanFileReaderTests
{
    private static readonly string LaoCai = File.ReadAllText(Path.Combine(RepoPaths.Data, "plans", "lao-cai-217.txt"));

    [Fact]
    public void A_docx_plan_reads_paragraphs_and_tables_and_imports_like_its_text()
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new W.Body();
            foreach (var line in LaoCai.Split('\n')) body.Append(new W.Paragraph(new W.Run(new W.Text(line))));
            body.Append(new W.Table(new W.TableRow(new W.TableCell(new W.Paragraph(new W.Run(new W.Text("STT")))), new W.TableCell(new W.Paragraph(new W.Run(new W.Text("Hồ sơ")))))));
            word.AddMainDocumentPart().Document = new W.Document(body);
        }
        stream.Position = 0;

        var text = PlanFileReader.Read(stream, "ke-hoach.docx");
        Assert.Contains("| STT | Hồ sơ |", text);
        var draft = PlanImporter.Import(text).Campaign;
        Assert.Equal("217/KH-UBND", draft.Document.Number);
        Assert.Equal(2, draft.Phases.Count);
    }

    [Fact]
    public void A_docx_laid_out_as_offices_write_it_keeps_the_header_and_signer_lines_apart()
    {
        // Word plans put the header (issuer, number | motto, place and date) and the signature (recipients | signer)
        // in borderless two-cell tables; a cell's lines glued together would lose the number, the date and the signer.
        static W.Paragraph Line(params string[] lines) =>
            new([.. lines.SelectMany((l, i) => i == 0 ? new[] { new W.Run(new W.Text(l)) } : [new W.Run(new W.Break()), new W.Run(new W.Text(l))])]);
        static W.TableCell Cell(params string[] lines) => new([.. lines.Select(l => Line(l))]);
        var body = new W.Body(
            new W.Table(new W.TableRow(
                Cell("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "-------", "Số: 217/KH-UBND"),
                Cell("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 15 tháng 4 năm 2024"))));
        var start = LaoCai.IndexOf("KẾ HOẠCH", StringComparison.Ordinal);
        var end = LaoCai.IndexOf("Nơi nhận", StringComparison.Ordinal);
        foreach (var line in LaoCai[start..end].Split('\n')) body.Append(Line(line));
        // A field code and a deleted revision are not text a reader sees.
        body.Append(new W.Paragraph(new W.Run(new W.FieldCode(" PAGE ")), new W.Run(new W.DeletedText("Số: 999/KH-UBND"))));
        body.Append(new W.Table(
            new W.TableRow(Cell("TT"), Cell("Nội dung"), Cell("Thời gian")),
            new W.TableRow(Cell("1"), Cell("Báo cáo sơ kết", "đợt 1"), Cell("29/6/2024")),
            new W.TableRow(Cell("2"), Cell("Báo cáo tổng kết"), Cell("30/11/2024")),
            new W.TableRow(Cell("3"), Cell("Hồ sơ khen thưởng"), Cell("10/12/2024"))));
        body.Append(new W.Table(new W.TableRow(
            Cell("Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC2"),
            new W.TableCell(Line("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), Line(""), Line("Trịnh Xuân Trường")))));
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
            word.AddMainDocumentPart().Document = new W.Document(body);
        stream.Position = 0;

        var text = PlanFileReader.Read(stream, "ke-hoach.docx");
        Assert.Contains("TỈNH LÀO CAI\n", text);
        Assert.Contains("| 1 | Báo cáo sơ kết đợt 1 | 29/6/2024 |", text);
        Assert.DoesNotContain("999", text);
        Assert.DoesNotContain("PAGE", text);
        AssertLaoCaiHeaderAndSigner(text);
    }

    [Fact]
    public void Numbers_word_draws_before_headings_and_list_items_are_read_as_written_numbers()
    {
        // "I.", "1.", "a)" of a Word list are not in the text runs, yet they are how a plan's sections are found.
        static W.Level Level(int index, W.NumberFormatValues format, string text) =>
            new(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = format }, new W.LevelText { Val = text }) { LevelIndex = index };
        static W.Paragraph Item(string text, int level, int list = 1) =>
            new(new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = list })), new W.Run(new W.Text(text)));
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new W.Document(new W.Body(
                Item("MỤC ĐÍCH, YÊU CẦU", 0), Item("Mục đích", 1), Item("Yêu cầu", 1),
                Item("NỘI DUNG THI ĐUA", 0), Item("Thời gian", 1), Item("Tuyên truyền rộng rãi", 2), Item("Đăng ký thi đua", 2),
                Item("Gửi kèm tờ trình", 0, list: 2)));
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new W.Numbering(
                new W.AbstractNum(Level(0, W.NumberFormatValues.UpperRoman, "%1."), Level(1, W.NumberFormatValues.Decimal, "%2."), Level(2, W.NumberFormatValues.LowerLetter, "%3)")) { AbstractNumberId = 0 },
                new W.AbstractNum(Level(0, W.NumberFormatValues.Bullet, "•")) { AbstractNumberId = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 0 }) { NumberID = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 1 }) { NumberID = 2 });
        }
        stream.Position = 0;

        var lines = PlanFileReader.Read(stream, "ke-hoach.docx").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG THI ĐUA", "1. Thời gian", "a) Tuyên truyền rộng rãi", "b) Đăng ký thi đua", "- Gửi kèm tờ trình"], lines);
    }

    [Fact]
    public void A_pdf_exported_from_word_keeps_the_header_columns_and_the_signer()
    {
        // Word's PDF draws the header and signature tables as two columns side by side on the same lines.
        var pdf = new MemoryStream();
        using (var document = SkiaSharp.SKDocument.CreatePdf(pdf))
        using (var typeface = SkiaSharp.SKTypeface.FromFile(Scans.PlanScanner.FontFile))
        using (var font = new SkiaSharp.SKFont(typeface, 11))
        using (var ink = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Black })
        {
            var canvas = document.BeginPage(595, 842);
            var y = 50f;
            void Row(string left, string right)
            {
                canvas.DrawText(left, 60, y, SkiaSharp.SKTextAlign.Left, font, ink);
                if (right.Length > 0) canvas.DrawText(right, 300, y, SkiaSharp.SKTextAlign.Left, font, ink);
                y += 16;
            }
            Row("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            Row("TỈNH LÀO CAI", "Độc lập - Tự do - Hạnh phúc");
            Row("Số: 217/KH-UBND", "Lào Cai, ngày 15 tháng 4 năm 2024");
            void Centered(string title)
            {
                canvas.DrawText(title, 297, y, SkiaSharp.SKTextAlign.Center, font, ink);
                y += 16;
            }
            Centered("KẾ HOẠCH");
            Centered("Phát động đợt thi đua cao điểm năm 2024");
            foreach (var line in LaoCai.Split('\n').Where(l => l.StartsWith("Căn cứ", StringComparison.Ordinal) || l.StartsWith("- ", StringComparison.Ordinal)).Take(12))
                Row(line.Length > 80 ? line[..80] : line, "");
            Row("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN");
            Row("- Bộ Nội vụ;", "CHỦ TỊCH");
            Row("- Lưu: VT, NC2", "");
            Row("", "Trịnh Xuân Trường");
            document.EndPage();
        }
        pdf.Position = 0;

        var text = PlanFileReader.Read(pdf, "ke-hoach.pdf");
        Assert.Contains("TỈNH LÀO CAI\nSố: 217/KH-UBND\nCỘNG HÒA", text);
        AssertLaoCaiHeaderAndSigner(text);
    }

    /// <summary>The Lào Cai plan's number, date, issuer and signer, as the importer reads them from the file's text.</summary>
    private static void AssertLaoCaiHeaderAndSigner(string text)
    {
        var draft = PlanImporter.Import(text).Campaign;
        Assert.Equal("217/KH-UBND", draft.Document.Number);
        Assert.Equal(new DateOnly(2024, 4, 15), draft.Document.IssuedOn);
        Assert.Equal("UBND tỉnh Lào Cai", draft.Document.Issuer);
        Assert.Equal("Trịnh Xuân Trường", draft.Document.Signer);
    }

    /// <summary>A zip with the given entries, as a .docx would be.</summary>
    private static MemoryStream Zip(params (string Name, Action<Stream> Write)[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, write) in entries)
            {
                using var entry = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.SmallestSize).Open();
                write(entry);
            }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_docx_that_would_expand_without_bound_nest_too_deep_or_hold_broken_xml_is_refused_with_its_reason()
    {
        // 150 MB of zeros compressed to a few hundred KB: refused while unpacking, not after filling memory.
        var zeros = new byte[1024 * 1024];
        using var bomb = Zip(("word/document.xml", s => { for (var i = 0; i < 150; i++) s.Write(zeros); }));
        Assert.Contains("giải nén ra hơn 100 MB", Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(bomb, "bom.docx")).Message);

        var nested = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + string.Concat(Enumerable.Repeat("<w:p>", 20_000)) + string.Concat(Enumerable.Repeat("</w:p>", 20_000)) + "</w:body></w:document>";
        using var deep = Zip(("word/document.xml", s => s.Write(Encoding.UTF8.GetBytes(nested))));
        Assert.Contains("lồng nhau quá sâu", Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(deep, "sau.docx")).Message);

        using var broken = Zip(("word/document.xml", s => s.Write("<w:document><w:body>\u0001</w:bo"u8)));
        Assert.Contains(".docx hỏng", Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(broken, "hong.docx")).Message);
    }

    [Fact]
    public void A_utf8_plan_with_a_few_damaged_bytes_is_refused_not_read_as_another_code_page()
    {
        var bytes = Encoding.UTF8.GetBytes(LaoCai).ToList();
        foreach (var at in new[] { 500, 1500, 2500 }) bytes[at] = 0xFF;
        using var stream = new MemoryStream([.. bytes]);
        var refused = Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(stream, "lao-cai.txt"));
        Assert.Contains("UTF-8 nhưng có", refused.Message);
    }

    [Theory]
    [InlineData("ke-hoach.doc", "Word cũ")]
    [InlineData("ke-hoach.xlsx", ".xlsx")]
    [InlineData("quet.pdf", "PDF")]
    [InlineData("hong.docx", ".docx hỏng")]
    public void Files_that_cannot_be_read_get_a_reason(string name, string reason)
    {
        using var stream = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 not really a document"));
        var ex = Assert.Throws<InvalidDataException>(() => PlanFileReader.Read(stream, name));
        Assert.Contains(reason, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_in_the_Vietnamese_Windows_code_page_is_read_and_binary_junk_is_refused_by_the_importer()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var legacy = Encoding.GetEncoding(1258).GetBytes("Số: 12/KH-UBND\nLào Cai, ngày 15 tháng 4 năm 2024\nKẾ HOẠCH\nThi đua năm 2024\n".Normalize(NormalizationForm.FormD));
        Assert.Contains("Lào Cai, ngày 15", PlanFileReader.Read(new MemoryStream(legacy), "cu.txt"));

        var junk = new byte[4096];
        new Random(3).NextBytes(junk);
        Assert.Throws<InvalidDataException>(() => PlanImporter.Import(PlanFileReader.Read(new MemoryStream(junk), "rac.txt")));
    }

    [Fact]
    public void An_imported_plan_answers_questions_like_the_reviewed_one()
    {
        var draft = PlanImporter.Import(LaoCai).Campaign;
        var kb = TestBot.LoadKnowledge(TimeProvider.System);
        var imported = new KnowledgeBase([.. kb.Campaigns.Where(c => c.Id != draft.Id), draft], kb.Glossary, legal: kb.Legal);

        var answer = QuestionAnswerer.Answer(imported, "hồ sơ khen thưởng Lào Cai gồm gì", new Storage.ChatState(), new DateOnly(2024, 5, 1));
        Assert.Contains("Tờ trình", answer.Text);
        Assert.Contains("217/KH-UBND", answer.Text);
        var deadlines = QuestionAnswerer.Answer(imported, "hạn báo cáo đợt 1 lào cai", new Storage.ChatState(), new DateOnly(2024, 5, 1));
        Assert.Contains("29/6/2024", deadlines.Text);
    }
}
