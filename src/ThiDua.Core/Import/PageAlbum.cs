using LiteDB;
using ThiDua.Core.Conversations;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Import;

/// <summary>What a button under the photos of a plan's pages does: "ka|read" reads them as one plan, "ka|drop" drops them.</summary>
public enum AlbumAction
{
    Read,
    Drop,
}

public sealed record AlbumPress(AlbumAction Action) : ButtonPayload, IPayloadFamily<AlbumPress>
{
    public static string Prefix => "ka";

    public override string Data => Write(Prefix, Code(Action));

    public static AlbumPress? FromFields(string[] fields) => fields is [var action] && Code<AlbumAction>(action) is { } a ? new AlbumPress(a) : null;
}

/// <summary>
/// The photos of one plan's pages, as an officer sends them, one message (or one photo of an album) at a time: kept
/// in the database, per officer, until they are read together as one plan (<see cref="PageBundle"/>) or dropped.
/// </summary>
public sealed class PageAlbum(BotDatabase db, ImportOptions limits)
{
    private readonly ILiteStorage<string> _pages = db.Storage("import_album_files", "import_album_chunks");

    private static string Folder(string ownerKey) => $"album/{ownerKey}/";

    public int Count(string ownerKey) => _pages.Find(Query.StartsWith("_id", Folder(ownerKey))).Count();

    /// <summary>Keeps the photo as the next page; its number, or the reason it cannot be kept.</summary>
    public async Task<(int Page, string? Refused)> AddAsync(string ownerKey, IncomingFile file, CancellationToken ct)
    {
        var page = Count(ownerKey) + 1;
        if (page > limits.MaxScanPages) return (0, $"Đã có {limits.MaxScanPages} ảnh trang (giới hạn Import:MaxScanPages): bấm “Đọc {limits.MaxScanPages} trang”, hoặc bỏ các ảnh rồi gửi lại phần kế hoạch.");
        using var copy = new MemoryStream();
        await using (var content = await file.OpenRead(ct))
            if (!await Nominations.DossierFiles.CopyAtMostAsync(content, copy, PlanFileReader.MaxBytes, ct))
                return (0, $"Ảnh lớn quá (tối đa {PlanFileReader.MaxBytes / 1048576} MB).");
        copy.Position = 0;
        _pages.Upload($"{Folder(ownerKey)}{page:D3}", file.FileName, copy);
        return (page, null);
    }

    /// <summary>The photos in the order they came.</summary>
    public List<byte[]> Pages(string ownerKey) =>
        [.. _pages.Find(Query.StartsWith("_id", Folder(ownerKey))).OrderBy(f => f.Id, StringComparer.Ordinal).Select(f =>
        {
            using var page = new MemoryStream();
            _pages.Download(f.Id, page);
            return page.ToArray();
        })];

    public int Drop(string ownerKey)
    {
        var ids = _pages.Find(Query.StartsWith("_id", Folder(ownerKey))).Select(f => f.Id).ToList();
        foreach (var id in ids) _pages.Delete(id);
        return ids.Count;
    }
}
