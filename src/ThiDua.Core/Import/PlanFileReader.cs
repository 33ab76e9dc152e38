using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;

namespace ThiDua.Core.Import;

/// <summary>
/// A plan's text from the file a reviewer has: plain text or markdown (UTF-8, else the Vietnamese Windows code page),
/// Word (.docx: paragraphs, data tables row by row, header and signature tables as their lines), or a PDF with a text layer. Anything else gets a clear reason, and so does a file
/// past the limits (<see cref="ImportOptions"/>): too much text, too many pages, stopped by the token.
/// </summary>
public static class PlanFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly ImportOptions Defaults = new();

    public static string Read(string path, ImportOptions? limits = null, CancellationToken cancellationToken = default)
    {
        using var stream = Existing(path).OpenRead();
        return Read(stream, Path.GetFileName(path), limits, cancellationToken);
    }

    /// <summary>The file at <paramref name="path"/>, refused with its reason when missing, empty or too large to be a plan.</summary>
    public static FileInfo Existing(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new InvalidDataException($"không có tệp '{path}'");
        if (info.Length == 0) throw new InvalidDataException("tệp rỗng");
        if (info.Length > MaxBytes) throw new InvalidDataException($"tệp lớn quá ({info.Length / 1048576.0:F0} MB, tối đa {MaxBytes / 1048576} MB): một kế hoạch thường dưới 1 MB");
        return info;
    }

    public static string Read(Stream content, string fileName, ImportOptions? limits = null, CancellationToken cancellationToken = default) =>
        ReadNoted(content, fileName, limits, cancellationToken).Text;

    /// <summary>Said for a PDF without a text layer where no OCR reads it (<see cref="ReadNoted"/>).</summary>
    public const string NoTextLayer = "PDF không có lớp chữ (có thể là ảnh quét): cần bản PDF xuất từ Word, hoặc tệp .docx";

    /// <returns>The text, and what the reviewer should know about how it was read (a code page other than UTF-8), if anything.</returns>
    public static (string Text, string? Note) ReadNoted(Stream content, string fileName, ImportOptions? limits = null, CancellationToken cancellationToken = default)
    {
        var read = ReadOrScanned(content, fileName, limits, cancellationToken);
        return read.ScannedPages is null ? (read.Text, read.Note) : throw new InvalidDataException(NoTextLayer);
    }

    /// <summary>What a file holds: its text and note, or, for a PDF of page images, no text and its page count (to read by OCR).</summary>
    public sealed record FileText(string Text, string? Note, int? ScannedPages);

    public static FileText ReadOrScanned(Stream content, string fileName, ImportOptions? limits = null, CancellationToken cancellationToken = default)
    {
        limits ??= Defaults;
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension == ".pdf") return Pdf(content, limits, cancellationToken) is var (pdfText, pages) && pdfText is null ? new("", null, pages) : new(pdfText!, null, null);
        var (text, note) = extension switch
        {
            ".docx" => (Docx(content, limits, cancellationToken), null),
            ".txt" or ".md" or "" => Text(content, limits, cancellationToken),
            ".doc" => throw new InvalidDataException("tệp .doc (Word cũ) chưa đọc được: mở bằng Word và lưu thành .docx hoặc .pdf"),
            ".jpg" or ".jpeg" or ".png" => throw new InvalidDataException("ảnh chụp kế hoạch cần đọc bằng OCR"),
            _ => throw new InvalidDataException($"không đọc được tệp {extension}: gửi kế hoạch dạng .docx, .pdf, .txt, hoặc ảnh chụp từng trang (.jpg, .png)"),
        };
        return new(text, note, null);
    }

    private static string TooMuchText(ImportOptions limits) =>
        $"văn bản dài quá (hơn {limits.MaxTextMegabytes} MB chữ, giới hạn Import:MaxTextMegabytes): một kế hoạch thường chỉ vài trăm KB; gửi riêng văn bản kế hoạch";

    /// <summary>Said with the draft whenever the Windows code page was used: an encoding is never guessed silently.</summary>
    public const string LegacyCodePageNote = "tệp không phải UTF-8: đã đọc theo bảng mã Windows-1258 (tiếng Việt cũ); kiểm tra chữ có dấu, hoặc lưu lại tệp dạng UTF-8";

    private static (string, string?) Text(Stream content, ImportOptions limits, CancellationToken cancellationToken)
    {
        // Read no further than the limit: a 19 MB text is refused before it is decoded, stored or drafted.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (buffer.Length + read > limits.MaxTextBytes) throw new InvalidDataException(TooMuchText(limits));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException ex)
        {
            // UTF-8 with a few damaged bytes is still UTF-8: refused with where, rather than read as another code page.
            var lenient = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);
            var damaged = lenient.Count(c => c == '\uFFFD');
            if (lenient.Any(c => c > '\u00FF' && c != '\uFFFD') && damaged * 20 < lenient.Length)
                throw new InvalidDataException($"tệp là UTF-8 nhưng có {damaged} ký tự hỏng (đầu tiên ở byte {ex.Index}): lưu lại tệp dạng UTF-8 rồi gửi lại", ex);
            // Older Vietnamese files are often in Windows-1258; anything else is refused rather than turned to garbage.
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var text = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes);
            return (text.Normalize(NormalizationForm.FormC), LegacyCodePageNote);
        }
    }

    /// <summary>What a .docx may expand to before it is read: a plan is a few hundred KB of XML, never a zip bomb.</summary>
    private const long MaxUnpackedBytes = 100 * 1024 * 1024;
    private const int MaxEntries = 2_000, MaxXmlDepth = 256;

    /// <summary>The Word library holds each element as an object of a hundred bytes or more: this many fit the bot's memory with room to spare.</summary>
    private const int MaxXmlElements = 300_000;

    private static string Docx(Stream content, ImportOptions limits, CancellationToken cancellationToken)
    {
        try
        {
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            CheckPackage(copy, cancellationToken);
            copy.Position = 0;
            using var document = WordprocessingDocument.Open(copy, false);
            var body = document.MainDocumentPart?.Document.Body ?? throw new InvalidDataException("tệp .docx không có nội dung");
            var text = new StringBuilder();
            var words = new WordText(new WordNumbering(document.MainDocumentPart));
            foreach (var element in body.ChildElements)
            {
                if (text.Length > limits.MaxTextBytes) throw new InvalidDataException(TooMuchText(limits));
                words.Append(text, element, cancellationToken);
            }
            return text.Length > limits.MaxTextBytes ? throw new InvalidDataException(TooMuchText(limits)) : text.ToString();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or FileFormatException or InvalidOperationException or System.Xml.XmlException or ArgumentException)
        {
            throw new InvalidDataException($"tệp .docx hỏng hoặc không phải Word ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }

    /// <summary>
    /// The zip's entries, their unpacked sizes (as read, not as declared) and the main part's nesting are bounded before
    /// the Word library reads it: a zip bomb, thousands of entries or 20,000 nested elements are refused with their reason.
    /// </summary>
    private static void CheckPackage(MemoryStream docx, CancellationToken cancellationToken)
    {
        docx.Position = 0;
        System.IO.Compression.ZipArchive zip;
        try { zip = new System.IO.Compression.ZipArchive(docx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException ex) { throw new InvalidDataException("tệp .docx hỏng hoặc không phải Word (không đọc được phần nén)", ex); }
        using var archive = zip;
        if (zip.Entries.Count > MaxEntries) throw new InvalidDataException($"tệp .docx có {zip.Entries.Count} phần, quá nhiều cho một kế hoạch");
        long unpacked = 0;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if ((unpacked += read) > MaxUnpackedBytes)
                    throw new InvalidDataException($"tệp .docx giải nén ra hơn {MaxUnpackedBytes / 1048576} MB: không phải một kế hoạch thông thường");
            }
        }
        if (zip.GetEntry("word/document.xml") is not { } main) throw new InvalidDataException("tệp .docx không có nội dung (thiếu word/document.xml)");
        using var xml = System.Xml.XmlReader.Create(main.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        var elements = 0;
        while (xml.Read())
        {
            if (xml.Depth > MaxXmlDepth) throw new InvalidDataException($"tệp .docx lồng nhau quá sâu (hơn {MaxXmlDepth} tầng)");
            if (xml.NodeType != System.Xml.XmlNodeType.Element) continue;
            if (++elements > MaxXmlElements) throw new InvalidDataException($"tệp .docx có hơn {MaxXmlElements:N0} phần tử, quá nhiều cho một kế hoạch");
            if (elements % 4096 == 0) cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <returns>The text, or null and the page count when the pages are images (a scan).</returns>
    private static (string? Text, int Pages) Pdf(Stream content, ImportOptions limits, CancellationToken cancellationToken)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            // The page count is in the file's catalogue: a 3,000-page PDF is refused before a single page is read.
            if (pdf.NumberOfPages > limits.MaxPdfPages)
                throw new InvalidDataException($"PDF có {pdf.NumberOfPages:N0} trang, quá {limits.MaxPdfPages:N0} trang (giới hạn Import:MaxPdfPages): một kế hoạch thường vài chục trang");
            var text = new StringBuilder();
            foreach (var page in pdf.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                text.Append(PdfLines.Of(page)).Append("\n\n");
                if (text.Length > limits.MaxTextBytes) throw new InvalidDataException(TooMuchText(limits));
            }
            return text.ToString().Count(char.IsLetter) < 200 ? (null, pdf.NumberOfPages) : (text.ToString(), pdf.NumberOfPages);
        }
        catch (Exception ex) when (ex is not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException($"tệp PDF hỏng hoặc không đọc được ({ex.GetType().Name})", ex);
        }
    }
}
