using System.Globalization;

namespace ThiDua.Core.Storage;

/// <summary>
/// Puts a backup in place of the database, with the bot stopped. The backup is first copied beside the database and
/// read whole there (every document, every dossier file against its SHA-256; an older release's copy is migrated), so
/// a damaged or foreign file is refused before anything is moved. A database holding what the backup does not (more
/// nominations, officers, units, files, or numbered writes) is newer and is only replaced when forced; the replaced
/// file is kept in backups/ either way. The restored file is then what the next start's checks expect.
/// </summary>
public static class DatabaseRestore
{
    public sealed record Outcome(bool Restored, string Message);

    public static Outcome Run(string backup, string databasePath, bool force, DateTimeOffset now)
    {
        var target = Path.GetFullPath(databasePath);
        if (!File.Exists(backup)) return new(false, $"Không có tệp sao lưu '{backup}'.");
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var stem = Path.GetFileNameWithoutExtension(target);
        var staged = Path.Combine(folder, $"{stem}-restoring{Path.GetExtension(target)}");
        Discard(staged);
        try
        {
            File.Copy(backup, staged);
            BackupManifest restored;
            long restoredWrites;
            try
            {
                using var copy = new BotDatabase(staged);
                if (DatabaseBackups.Damage(copy) is { } damage) return new(false, $"Tệp sao lưu '{backup}' có chỗ hỏng ({damage}); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên.");
                restored = DatabaseBackups.Count(copy, DatabaseBackups.InfoOf(copy)?.TakenAt ?? now);
                restoredWrites = copy.Writes();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return new(false, $"Tệp sao lưu '{backup}' hỏng hoặc không phải cơ sở dữ liệu của bot ({ex.Message}); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên.");
            }

            string? keptAside = null;
            if (File.Exists(target))
            {
                BackupManifest current;
                long currentWrites;
                try
                {
                    using var live = new BotDatabase(target);
                    current = DatabaseBackups.Count(live, now);
                    currentWrites = live.Writes();
                }
                catch (IOException ex) when (ex.Message.Contains("đang được một tiến trình", StringComparison.Ordinal))
                {
                    return new(false, $"Bot đang chạy trên '{target}': dừng bot trước khi khôi phục (ví dụ systemctl stop thidua-bot hoặc docker compose stop bot).");
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A database that cannot be opened is what a restore is for: it is kept aside, not read.
                    current = new BackupManifest(now, 0, 0, 0, 0);
                    currentWrites = 0;
                    if (!force) return new(false, $"Cơ sở dữ liệu hiện tại '{target}' không mở được ({ex.Message}). Để thay bằng bản sao lưu, chạy lại với --force (tệp hiện tại được giữ trong backups/).");
                }
                var newer = DatabaseBackups.Missing(restored, current) is { } lacks ? lacks
                    : currentWrites > restoredWrites ? $"{currentWrites - restoredWrites} lần ghi có đánh số" : null;
                if (newer is not null && !force)
                    return new(false, $"Cơ sở dữ liệu hiện tại '{target}' mới hơn bản sao lưu (bản sao lưu thiếu {newer}). Không khôi phục; nếu chắc chắn muốn quay về bản sao lưu, chạy lại với --force (tệp hiện tại được giữ trong backups/).");
                keptAside = KeepAside(target, now);
            }
            File.Move(staged, target);
            using (var live = new BotDatabase(target))
            {
                // The next start compares against these: the restored file is the one the bot last held.
                live.RecordHeld();
                DatabaseBackups.Take(live, target, DatabaseBackups.Count(live, now), keep: int.MaxValue);
            }
            return new(true, $"Đã khôi phục '{backup}' vào '{target}': {restored.Nominations} đề nghị, {restored.Officers} cán bộ, {restored.Units} đơn vị, {restored.Files} tệp hồ sơ"
                + (keptAside is null ? "." : $". Cơ sở dữ liệu cũ được giữ ở '{keptAside}'."));
        }
        finally
        {
            Discard(staged);
        }
    }

    /// <summary>The replaced file (and its log) moved to backups/, never deleted.</summary>
    private static string KeepAside(string target, DateTimeOffset now)
    {
        var folder = DatabaseBackups.FolderOf(target);
        Directory.CreateDirectory(folder);
        var aside = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(target)}-before-restore-{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(target)}");
        File.Move(target, aside);
        var log = BotDatabase.LogFileOf(target);
        if (File.Exists(log)) File.Move(log, BotDatabase.LogFileOf(aside));
        return aside;
    }

    private static void Discard(string staged)
    {
        foreach (var file in new[] { staged, BotDatabase.LogFileOf(staged), staged + ".lock" })
            if (File.Exists(file)) File.Delete(file);
    }
}
