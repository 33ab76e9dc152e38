using System.Text;
using LiteDB;

namespace ThiDua.Core.Storage;

/// <summary>
/// A plan's full text beside its record (a draft, a published plan): inline when short, in LiteDB's file storage
/// when long, so no record comes near LiteDB's 16 MB document cap. Its own collections, apart from dossier files,
/// so the backup check's file count is not moved by drafts coming and going.
/// </summary>
public sealed class PlanTextStore(ILiteStorage<string> files)
{
    /// <summary>Texts longer than this (in characters) go to file storage: the repo's plans are 10–30 KB.</summary>
    public const int InlineLimit = 256 * 1024;

    /// <summary>Keeps <paramref name="text"/> under <paramref name="fileId"/> when it is long. Returns what the record holds: the text inline, or the file's id.</summary>
    public (string? Inline, string? FileId) Put(string fileId, string text)
    {
        if (text.Length <= InlineLimit) return (text, null);
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        files.Upload(fileId, fileId + ".txt", content);
        return (null, fileId);
    }

    /// <summary>The text as a record holds it, wherever it is kept; null when there is none (or its file went missing).</summary>
    public string? Get(string? inline, string? fileId)
    {
        if (fileId is null) return inline;
        if (!files.Exists(fileId)) return null;
        using var content = files.OpenRead(fileId);
        using var reader = new StreamReader(content, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public void Delete(string? fileId)
    {
        if (fileId is not null) files.Delete(fileId);
    }
}
