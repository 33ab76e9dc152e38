using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace ThiDua.Core.Tests;

/// <summary>
/// Files made to crash or stall a reader, generated where a test needs them (none is kept in the repo): each is a
/// few hundred KB at most, except the long text, which is long on purpose.
/// </summary>
public static class HostileFiles
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A zip holding one word/document.xml, as a .docx would.</summary>
    public static byte[] Docx(Action<Stream> writeDocument)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            writeDocument(entry);
        }
        return stream.ToArray();
    }

    /// <summary>20,000 nested paragraphs: the Word library recursed into a stack overflow on it.</summary>
    public static byte[] NestedDocx(int depth = 20_000) => Docx(s => s.Write(Encoding.UTF8.GetBytes(
        $"<w:document xmlns:w=\"{WordNamespace}\"><w:body>" + string.Concat(Enumerable.Repeat("<w:p>", depth)) + string.Concat(Enumerable.Repeat("</w:p>", depth)) + "</w:body></w:document>")));

    /// <summary>150 MB of zeros that compress to a few hundred KB.</summary>
    public static byte[] ZipBomb()
    {
        var zeros = new byte[1024 * 1024];
        return Docx(s => { for (var i = 0; i < 150; i++) s.Write(zeros); });
    }

    /// <summary>Well-formed but for a control character inside a run's text, which XML forbids.</summary>
    public static byte[] ControlCharacterDocx() => Docx(s => s.Write(Encoding.UTF8.GetBytes(
        $"<w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>Kế hoạch\u0001thi đua</w:t></w:r></w:p></w:body></w:document>")));

    /// <summary>A PDF of empty pages: its page count alone is what a reader must refuse.</summary>
    public static byte[] ManyPagesPdf(int pages = 3_000)
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < pages; i++) builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    /// <summary>A valid UTF-8 text of about <paramref name="megabytes"/> MB: plan-like lines repeated.</summary>
    public static void WriteLongText(string path, int megabytes = 19)
    {
        var line = Encoding.UTF8.GetBytes("Các đơn vị báo cáo kết quả thi đua về Ban Thi đua - Khen thưởng trước ngày 20/12/2025.\n");
        using var file = File.Create(path);
        for (long written = 0; written < megabytes * 1024L * 1024; written += line.Length) file.Write(line);
    }
}
