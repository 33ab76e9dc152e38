using System.Globalization;
using System.Text.Json;
using BsonDocument = LiteDB.BsonDocument;
using ConnectionString = LiteDB.ConnectionString;
using ConnectionType = LiteDB.ConnectionType;
using LiteDatabase = LiteDB.LiteDatabase;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Storage;

/// <summary>What a backup held: enough to notice, at the next start, that records have gone missing since.</summary>
/// <remarks>Each count includes the records deleted on purpose so far (counted in the file): only a loss makes it go down.</remarks>
public sealed record BackupManifest(DateTimeOffset TakenAt, int Nominations, int Officers, int Units, int Files);

/// <summary>How much the file had written (its counters' sum) when it last synced a commit an officer was told about.</summary>
public sealed record HeldMark(DateTimeOffset TakenAt, long Writes);

/// <summary>
/// Rotating copies of the database, one taken at every start after the file was opened and checked, the last few
/// kept (<c>backups/</c> beside the file, each with a manifest of its record counts). A start that finds fewer
/// nominations, officers, units or files than the last copy held refuses to go on (a deleted or zeroed -log.db, a
/// truncated file open "successfully" but empty), naming the copy to restore; nothing is overwritten.
/// </summary>
public static class DatabaseBackups
{
    public const string FolderName = "backups";

    public static string FolderOf(string databasePath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, FolderName);

    /// <summary>The newest backup and what it held, if any.</summary>
    public static (string Path, BackupManifest Manifest)? Latest(string databasePath)
    {
        var folder = FolderOf(databasePath);
        if (!Directory.Exists(folder)) return null;
        foreach (var manifest in Directory.GetFiles(folder, Stem(databasePath) + "-*.json").Order(StringComparer.Ordinal).Reverse())
        {
            var copy = Path.ChangeExtension(manifest, Path.GetExtension(databasePath));
            if (!File.Exists(copy)) continue;
            try
            {
                if (JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(manifest)) is { } m) return (copy, m);
            }
            catch (JsonException) { }
        }
        return null;
    }

    /// <summary>What the open file holds now, counted the way a manifest counts.</summary>
    public static BackupManifest Count(BotDatabase db, DateTimeOffset now) =>
        new(now, db.Nominations.Count() + db.Deleted("nominations"), db.Officers.Count() + db.Deleted("officers"),
            db.Units.Count() + db.Deleted("units"), db.Files.FindAll().Count() + db.Deleted("files"));

    /// <summary>
    /// What the file had written when it last told an officer something was saved (after each sync to disk, beside
    /// the database): a start finding less knows the last commits were lost with the -log file after a kill, which
    /// the last backup, taken at start, cannot show. It is the sum of the file's counters (nomination codes handed
    /// out, deletions on purpose), which only grow and cost one small read, unlike counting every record.
    /// </summary>
    public static HeldMark? Held(string databasePath)
    {
        try
        {
            return File.Exists(HeldFile(databasePath)) ? JsonSerializer.Deserialize<HeldMark>(File.ReadAllText(HeldFile(databasePath))) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Replaces the mark whole (written aside, then moved), so a kill never leaves half a file.</summary>
    public static void WriteHeld(string databasePath, HeldMark mark)
    {
        var target = HeldFile(databasePath);
        File.WriteAllText(target + ".tmp", JsonSerializer.Serialize(mark));
        File.Move(target + ".tmp", target, overwrite: true);
    }

    public static string HeldFile(string databasePath) => Path.GetFullPath(databasePath) + ".held.json";

    /// <summary>Why the open file cannot be trusted against the last backup (records missing), or null.</summary>
    public static string? Missing(BackupManifest now, BackupManifest last)
    {
        var lost = new List<string>();
        if (now.Nominations < last.Nominations) lost.Add($"{last.Nominations - now.Nominations} đề nghị");
        if (now.Officers < last.Officers) lost.Add($"{last.Officers - now.Officers} cán bộ");
        if (now.Units < last.Units) lost.Add($"{last.Units - now.Units} đơn vị");
        if (now.Files < last.Files) lost.Add($"{last.Files - now.Files} tệp hồ sơ");
        return lost.Count == 0 ? null : string.Join(", ", lost);
    }

    /// <summary>Copies the open file (after a checkpoint, so the copy is whole) with what it holds; keeps the newest <paramref name="keep"/>.</summary>
    /// <param name="holds">The file's counts, as <see cref="Count"/> took them at this start.</param>
    public static string Take(BotDatabase db, string databasePath, BackupManifest holds, int keep)
    {
        var now = holds.TakenAt;
        var folder = FolderOf(databasePath);
        Directory.CreateDirectory(folder);
        var name = $"{Stem(databasePath)}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}";
        var copy = Path.Combine(folder, name + Path.GetExtension(databasePath));
        WriteCopy(db, copy, holds);
        File.WriteAllText(Path.Combine(folder, name + ".json"), JsonSerializer.Serialize(holds));
        foreach (var old in Directory.GetFiles(folder, Stem(databasePath) + "-*.json").Order(StringComparer.Ordinal).Reverse().Skip(keep))
        {
            File.Delete(old);
            File.Delete(Path.ChangeExtension(old, Path.GetExtension(databasePath)));
        }
        return copy;
    }

    /// <summary>
    /// The daily copy, taken while the bot runs: first every document and every dossier file (against its SHA-256) is
    /// read; a damaged file is not copied, so the rotation never pushes the last good copies out with damaged ones.
    /// </summary>
    /// <returns>The copy's path, or why none was taken.</returns>
    public static (string? Copy, string? Problem) TakeChecked(BotDatabase db, string databasePath, int keep, DateTimeOffset now)
    {
        try
        {
            if (Damage(db) is { } damage) return (null, damage);
            return (Take(db, databasePath, Count(db, now), keep), null);
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException or UnauthorizedAccessException or ArgumentException or InvalidCastException or FormatException)
        {
            return (null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Every document read and every dossier file checked against its SHA-256: what is damaged, or null.</summary>
    public static string? Damage(BotDatabase db)
    {
        db.ReadEverything(fileContents: true);
        var damaged = db.Files.FindAll().Select(f => (f.Id, Problem: DossierFiles.CopyVerified(db, f.Id, null, Stream.Null)))
            .Where(f => f.Problem is not null).Select(f => $"{f.Id}: {f.Problem}").ToList();
        return damaged.Count > 0 ? $"{damaged.Count} tệp hồ sơ hỏng ({string.Join("; ", damaged.Take(5))})" : null;
    }

    /// <summary>The collection of a copy that says what it held when taken (one document).</summary>
    public const string InfoCollection = "backup_info";

    /// <summary>
    /// The one way a copy is made, for the rotating backups, the daily job and the backup command alike: LiteDB's
    /// log folded into the file and the file copied under the writers' lock (<see cref="BotDatabase.CopyTo"/>), so
    /// the copy is one instant of the file, dossier files included (they live in it); then stamped with what it holds.
    /// </summary>
    public static void WriteCopy(BotDatabase db, string target, BackupManifest holds)
    {
        db.CopyTo(target);
        using var copy = new LiteDatabase(new ConnectionString { Filename = target, Connection = ConnectionType.Direct });
        copy.GetCollection(InfoCollection).Upsert(new BsonDocument { ["_id"] = "backup", ["manifest"] = JsonSerializer.Serialize(holds) });
    }

    /// <summary>What a copy said it held when taken; null for a file that is no copy of ours (or an older one without it).</summary>
    public static BackupManifest? InfoOf(BotDatabase copy) =>
        copy.Collection<BsonDocument>(InfoCollection).FindById("backup") is { } info && info["manifest"].IsString
            ? JsonSerializer.Deserialize<BackupManifest>(info["manifest"].AsString)
            : null;

    private static string Stem(string databasePath) => Path.GetFileNameWithoutExtension(databasePath);
}
