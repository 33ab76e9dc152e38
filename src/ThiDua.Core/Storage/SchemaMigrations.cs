using System.Globalization;
using LiteDB;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Storage;

/// <summary>
/// The file's schema version (LiteDB's user_version) and the steps that bring an older file up to it. Each step
/// runs once, in one transaction, then the version is set; before the first one a whole copy of the file is kept in
/// backups/ ("bot-before-v1-….db"), so an upgrade can always be undone by putting the old program and the copy back.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>The version this program writes. A file at 0 was made before versions were kept (up to release ab57263).</summary>
    public const int Current = 1;

    private static readonly (int Version, Action<BotDatabase> Apply)[] Steps =
    [
        (1, ToVersion1),
    ];

    /// <summary>Files of the first sessions kept an index on the outbox's Status and no PendingAt; nominations are counted by status.</summary>
    private static void ToVersion1(BotDatabase db)
    {
        // Their pending messages get PendingAt, or the dispatcher (which reads by it) would never send them.
        if (db.Outbox.DropIndex("Status"))
            foreach (var old in db.Outbox.Find("$.Status = 'Pending' AND $.PendingAt = null")) db.Outbox.Update(old);
        // The metrics' count by status reads this index instead of every nomination.
        db.Nominations.EnsureIndex(n => n.Status);
    }

    /// <summary>The name of the copy kept before migrating a file from <paramref name="from"/>.</summary>
    public static string CopyName(string databasePath, int from, DateTimeOffset now) =>
        Path.Combine(DatabaseBackups.FolderOf(databasePath),
            $"{Path.GetFileNameWithoutExtension(databasePath)}-before-v{Current}-from-v{from}-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(databasePath)}");

    /// <summary>Runs the steps above the file's version; returns the version it had.</summary>
    public static int Run(BotDatabase db, LiteDatabase raw)
    {
        var from = raw.UserVersion;
        foreach (var (version, apply) in Steps.Where(s => s.Version > from))
        {
            // LiteDB sets a pragma outside transactions only: a step is written so that running it twice (a kill
            // between it and its version) does no harm.
            db.InTransaction(() =>
            {
                apply(db);
                return version;
            });
            raw.UserVersion = version;
        }
        return from;
    }
}
