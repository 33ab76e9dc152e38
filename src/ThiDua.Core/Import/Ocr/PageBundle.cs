using System.IO.Compression;

namespace ThiDua.Core.Import.Ocr;

/// <summary>
/// Several photos of one plan's pages as one file: a .zip of JPEG/PNG images, read in the order of their names. The
/// chat makes one from the photos an officer sends one message at a time; an officer may also send one directly.
/// </summary>
public static class PageBundle
{
    public const string Extension = ".zip";

    public static bool IsBundle(string fileName) => Path.GetExtension(fileName).Equals(Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>The pages' images, in order; refused with its reason when it holds no photo, too many, or too much.</summary>
    public static async Task<List<byte[]>> PagesAsync(Stream zip, ImportOptions limits, CancellationToken ct)
    {
        ZipArchive archive;
        try { archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException ex) { throw new InvalidDataException("tệp .zip hỏng hoặc không phải tệp nén", ex); }
        using (archive)
        {
            var photos = archive.Entries.Where(e => e.Length > 0 && ScanReader.IsImage(e.Name)).OrderBy(e => e.FullName, StringComparer.OrdinalIgnoreCase).ToList();
            if (photos.Count == 0) throw new InvalidDataException("tệp .zip không có ảnh trang nào (.jpg, .png)");
            if (photos.Count > limits.MaxScanPages)
                throw new InvalidDataException($"tệp .zip có {photos.Count} ảnh trang, quá {limits.MaxScanPages} trang (giới hạn Import:MaxScanPages) nên chưa đọc trang nào");
            var pages = new List<byte[]>(photos.Count);
            long total = 0;
            foreach (var photo in photos)
            {
                ct.ThrowIfCancellationRequested();
                using var page = new MemoryStream();
                await using (var entry = photo.Open())
                    // Read no further than the limit: a page that claims to be small but unpacks to gigabytes is refused.
                    if (!await Nominations.DossierFiles.CopyAtMostAsync(entry, page, PlanFileReader.MaxBytes - total, ct))
                        throw new InvalidDataException($"ảnh trong tệp .zip giải nén ra hơn {PlanFileReader.MaxBytes / 1048576} MB");
                total += page.Length;
                pages.Add(page.ToArray());
            }
            return pages;
        }
    }

    /// <summary>Photos (in page order) as one bundle.</summary>
    public static MemoryStream Write(IReadOnlyList<byte[]> pages)
    {
        var bundle = new MemoryStream();
        using (var archive = new ZipArchive(bundle, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < pages.Count; i++)
            {
                // Photos are compressed already: stored as they are.
                using var entry = archive.CreateEntry($"trang-{i + 1:D3}.jpg", CompressionLevel.NoCompression).Open();
                entry.Write(pages[i]);
            }
        bundle.Position = 0;
        return bundle;
    }
}
