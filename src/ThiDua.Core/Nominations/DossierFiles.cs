using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Nominations;

/// <summary>
/// Files officers attach to a nomination's dossier: documents and photos only, within the size the channels allow
/// (Telegram bots download at most 20 MB); executables are refused whatever their name says.
/// </summary>
public static class DossierFiles
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly Dictionary<string, string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".heic"] = "image/heic",
    };

    public static string ContentTypeFor(string fileName) =>
        Allowed.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");

    /// <summary>Checks name, size and the first bytes; returns a Vietnamese reason to refuse, or null.</summary>
    public static async Task<string?> RefusalAsync(IncomingFile file, CancellationToken ct)
    {
        if (!Allowed.ContainsKey(Path.GetExtension(file.FileName)))
            return $"Tệp “{file.FileName}” không nhận được: chỉ nhận PDF, Word, Excel, ODT hoặc ảnh (JPG, PNG, HEIC).";
        if (file.Length > MaxBytes)
            return $"Tệp “{file.FileName}” quá lớn ({file.Length / 1024 / 1024} MB); tối đa {MaxBytes / 1024 / 1024} MB.";
        if (file.Length == 0) return $"Tệp “{file.FileName}” rỗng.";
        await using var stream = await file.OpenRead(ct);
        var head = new byte[4];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        // Windows (MZ) and Linux (ELF) executables renamed as documents.
        if (read >= 2 && head[0] == 'M' && head[1] == 'Z' || read >= 4 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F')
            return $"Tệp “{file.FileName}” là chương trình chạy được, không phải tài liệu: không nhận.";
        return null;
    }

    public static async Task<string> StoreAsync(BotDatabase db, IncomingFile file, string id, CancellationToken ct)
    {
        await using var stream = await file.OpenRead(ct);
        db.Files.Upload(id, file.FileName, stream);
        return id;
    }
}
