using System.Security.Cryptography;
using System.Text;
using LiteDB;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Nominations;

/// <summary>
/// Files officers attach to a nomination's dossier: documents and photos only, within the size the channels allow
/// (Telegram bots download at most 20 MB), whose bytes are what their name says. The name is made safe to store
/// and to open again (no control characters or path parts, at most 255 bytes); the uploader is kept with the file.
/// </summary>
public static class DossierFiles
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxNameBytes = 255;
    public const string Accepted = "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), ODT, ảnh JPG, PNG, HEIC";

    private static readonly Dictionary<string, (string ContentType, string Kind)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "PDF"),
        [".doc"] = ("application/msword", "Word"),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"),
        [".xls"] = ("application/vnd.ms-excel", "Excel"),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
        [".odt"] = ("application/vnd.oasis.opendocument.text", "ODT"),
        [".jpg"] = ("image/jpeg", "ảnh JPG"),
        [".jpeg"] = ("image/jpeg", "ảnh JPG"),
        [".png"] = ("image/png", "ảnh PNG"),
        [".heic"] = ("image/heic", "ảnh HEIC"),
    };

    public static string ContentTypeFor(string fileName) =>
        Allowed.TryGetValue(Path.GetExtension(fileName), out var type) ? type.ContentType : "application/octet-stream";

    /// <summary>
    /// The name as stored: no control characters (NUL included), no folders, Unicode composed (NFC), at most 255
    /// UTF-8 bytes (or <paramref name="maxBytes"/>) with its extension kept, never empty.
    /// </summary>
    public static string NormaliseName(string? name, int maxBytes = MaxNameBytes)
    {
        var cleaned = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormC))
            cleaned.Append(char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? ' ' : c);
        var text = string.Join(' ', cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        var extension = Path.GetExtension(text);
        if (extension.Length > 10) extension = "";
        var stem = text[..^extension.Length].Trim();
        if (stem.Length == 0) stem = "tep";
        while (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > maxBytes && stem.Length > 1)
            stem = stem[..(char.IsLowSurrogate(stem[^1]) && stem.Length > 1 ? ^2 : ^1)];
        return stem + extension;
    }

    /// <summary>
    /// Checks and stores a file as <paramref name="id"/> with who sent it: the name, the declared size, the size
    /// actually received and the bytes. Returns a Vietnamese reason to refuse (nothing is stored then), or null.
    /// </summary>
    public static async Task<string?> ReceiveAsync(BotDatabase db, IncomingFile file, string id, string uploaderKey, CancellationToken ct)
    {
        var name = NormaliseName(file.FileName);
        var extension = Path.GetExtension(name);
        if (!Allowed.TryGetValue(extension, out var type))
            return $"Tệp “{name}” không nhận được: chỉ nhận {Accepted}.";
        if (file.Length > MaxBytes) return TooLarge(name, file.Length);
        await using var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"thidua-upload-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await using var source = await file.OpenRead(ct);
            if (!await CopyAtMostAsync(source, copy, MaxBytes, ct)) return TooLarge(name, copy.Length);
        }
        catch (FileTooLargeException)
        {
            return TooLarge(name, MaxBytes + 1);
        }
        if (copy.Length == 0) return $"Tệp “{name}” rỗng.";
        if (!FileContent.Matches(extension, copy))
            return $"Tệp “{name}” không đúng loại: nội dung không phải {type.Kind} như tên tệp ghi. Bot chỉ nhận {Accepted}, đúng với nội dung tệp.";
        copy.Position = 0;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(copy, ct));
        copy.Position = 0;
        db.Files.Upload(id, name, copy, new BsonDocument { ["by"] = uploaderKey, [Sha256Key] = sha256 });
        return null;
    }

    private const string Sha256Key = "sha256";

    /// <summary>The SHA-256 taken when the file was received; null for files stored before hashes were kept.</summary>
    public static string? Sha256Of(LiteFileInfo<string> file) =>
        file.Metadata is { } meta && meta.TryGetValue(Sha256Key, out var hash) && hash.IsString ? hash.AsString : null;

    /// <summary>Moves a stored file to a new id with its uploader and hash (the pending upload becomes a dossier file).</summary>
    public static void Move(BotDatabase db, LiteFileInfo<string> from, string toId)
    {
        using (var content = db.Files.OpenRead(from.Id)) db.Files.Upload(toId, from.Filename, content, from.Metadata);
        if (db.Files.Delete(from.Id)) db.CountDeleted("files", 1);
    }

    /// <summary>
    /// Writes a stored file to <paramref name="target"/>, checking its bytes against the SHA-256 taken when it was
    /// received. Returns a Vietnamese reason when the stored copy is damaged (its bytes changed, or a page cannot
    /// be read), so a damaged file is never handed out as if it were the one the officer sent.
    /// </summary>
    public static string? CopyVerified(BotDatabase db, string fileId, string? expectedSha256, Stream target)
    {
        try
        {
            var info = db.Files.FindById(fileId);
            if (info is null) return "không còn trong kho";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (var content = info.OpenRead())
            {
                var buffer = new byte[81920];
                int read;
                while ((read = content.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    target.Write(buffer, 0, read);
                }
            }
            var expected = expectedSha256 ?? Sha256Of(info);
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            return expected is null || string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"bản lưu trong cơ sở dữ liệu bị hỏng (mã SHA-256 {actual[..12]}… khác mã lúc nhận {expected[..Math.Min(12, expected.Length)]}…)";
        }
        catch (LiteException ex)
        {
            return $"bản lưu trong cơ sở dữ liệu đọc không được ({ex.Message})";
        }
    }

    /// <summary>Whose upload a stored file is; null for files stored before uploaders were kept.</summary>
    public static string? UploaderOf(LiteFileInfo<string> file) =>
        file.Metadata is { } meta && meta.TryGetValue("by", out var by) && by.IsString ? by.AsString : null;

    private static string TooLarge(string name, long length) =>
        $"Tệp “{name}” quá lớn ({Math.Max(1, length / 1024 / 1024)} MB trở lên); tối đa {MaxBytes / 1024 / 1024} MB.";

    /// <summary>Copies at most <paramref name="limit"/> bytes; false (and stops reading) as soon as there are more.</summary>
    internal static async Task<bool> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (target.Length + read > limit) return false;
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }
}
