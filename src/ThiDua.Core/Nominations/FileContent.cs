using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;

namespace ThiDua.Core.Nominations;

/// <summary>
/// Whether a file's bytes are what its extension says: a .pdf starts with "%PDF-", a .docx/.xlsx is an Open XML
/// package with its main part, an .odt a zip naming its own type, .doc/.xls an OLE2 compound file, images by
/// their magic numbers. A script, an executable or a web page renamed as a document is none of these.
/// </summary>
internal static class FileContent
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();
    private static readonly string[] HeifBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];
    private const string OdtType = "application/vnd.oasis.opendocument.text";

    /// <summary>True when the bytes are of the type the extension names; reads a seekable copy of the file.</summary>
    public static bool Matches(string extension, Stream content)
    {
        var head = new byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head.AsSpan(0, read);
        content.Position = 0;
        return extension.ToLowerInvariant() switch
        {
            ".pdf" => start.StartsWith(Pdf),
            ".jpg" or ".jpeg" => start.StartsWith(Jpeg),
            ".png" => start.StartsWith(Png),
            ".heic" => read >= 12 && start[4..8].SequenceEqual("ftyp"u8) && HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(start[8..12])),
            ".doc" or ".xls" => start.StartsWith(Ole2),
            ".docx" => start.StartsWith(Zip) && IsPackage(content, p => { using var d = WordprocessingDocument.Open(p, false); return d.MainDocumentPart is not null; }),
            ".xlsx" => start.StartsWith(Zip) && IsPackage(content, p => { using var d = SpreadsheetDocument.Open(p, false); return d.WorkbookPart is not null; }),
            ".odt" => start.StartsWith(Zip) && IsOdt(content),
            _ => false,
        };
    }

    private static bool IsPackage(Stream content, Func<Stream, bool> hasMainPart)
    {
        try
        {
            return hasMainPart(content);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or UriFormatException or System.Xml.XmlException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static bool IsOdt(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is not { Length: < 256 } entry) return false;
            using var reader = new StreamReader(entry.Open());
            return reader.ReadToEnd().Trim() == OdtType;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
