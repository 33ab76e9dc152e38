using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace ThiDua.Core.Import;

/// <summary>
/// A plan's text from the file a reviewer has: plain text or markdown (UTF-8, else the Vietnamese Windows code page),
/// Word (.docx, tables row by row), or a PDF with a text layer. Anything else gets a clear reason.
/// </summary>
public static class PlanFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public static string Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new InvalidDataException($"không có tệp '{path}'");
        if (info.Length == 0) throw new InvalidDataException("tệp rỗng");
        if (info.Length > MaxBytes) throw new InvalidDataException($"tệp lớn quá ({info.Length / 1048576.0:F0} MB, tối đa {MaxBytes / 1048576} MB): một kế hoạch thường dưới 1 MB");
        using var stream = info.OpenRead();
        return Read(stream, info.Name);
    }

    public static string Read(Stream content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".docx" => Docx(content),
            ".pdf" => Pdf(content),
            ".txt" or ".md" or "" => Text(content),
            ".doc" => throw new InvalidDataException("tệp .doc (Word cũ) chưa đọc được: mở bằng Word và lưu thành .docx hoặc .pdf"),
            _ => throw new InvalidDataException($"không đọc được tệp {extension}: gửi kế hoạch dạng .docx, .pdf hoặc .txt"),
        };
    }

    private static string Text(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            // Older Vietnamese files are often in Windows-1258; anything else is refused rather than turned to garbage.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var text = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            return text.Normalize(NormalizationForm.FormC);
        }
    }

    private static string Docx(Stream content)
    {
        try
        {
            using var document = WordprocessingDocument.Open(content, false);
            var body = document.MainDocumentPart?.Document.Body ?? throw new InvalidDataException("tệp .docx không có nội dung");
            var text = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                if (element is Table table)
                    foreach (var row in table.Elements<TableRow>())
                        text.Append("| ").AppendJoin(" | ", row.Elements<TableCell>().Select(c => c.InnerText.Trim())).Append(" |\n");
                else text.Append(element.InnerText).Append("\n\n");
            }
            return text.ToString();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"tệp .docx hỏng hoặc không phải Word ({ex.GetType().Name})", ex);
        }
    }

    private static string Pdf(Stream content)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages()) text.Append(ContentOrderTextExtractor.GetText(page)).Append("\n\n");
            if (text.ToString().Count(char.IsLetter) < 200)
                throw new InvalidDataException("PDF không có lớp chữ (có thể là ảnh quét): cần bản PDF xuất từ Word, hoặc tệp .docx");
            return text.ToString();
        }
        catch (Exception ex) when (ex is not InvalidDataException)
        {
            throw new InvalidDataException($"tệp PDF hỏng hoặc không đọc được ({ex.GetType().Name})", ex);
        }
    }
}
