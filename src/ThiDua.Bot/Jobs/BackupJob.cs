using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Jobs;

/// <summary>
/// The daily backup while the bot runs (Storage:BackupCron, 02:00 Vietnamese time by default): the whole file is
/// read and each dossier file checked against its SHA-256 first; damage is logged as an error and no copy is made.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BackupJob(BotDatabase db, IOptions<StorageOptions> options, ILogger<BackupJob> logger) : IJob
{
    public const string DefaultCron = "0 0 2 * * ?";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var storage = options.Value;
        if (storage.Backups <= 0) return ValueTask.CompletedTask;
        // Backups are files on this machine: named by its real time, whatever clock a demo runs on.
        var (copy, problem) = DatabaseBackups.TakeChecked(db, storage.DatabasePath, storage.Backups, TimeProvider.System.GetUtcNow());
        if (problem is not null)
            logger.LogError("Sao lưu hằng ngày không thực hiện: cơ sở dữ liệu '{Path}' có chỗ hỏng ({Problem}). Các bản sao lưu cũ trong '{Folder}' được giữ nguyên; xem README, mục sao lưu và khôi phục.",
                storage.DatabasePath, problem, DatabaseBackups.FolderOf(storage.DatabasePath));
        else
            logger.LogInformation("Đã sao lưu cơ sở dữ liệu vào {Copy}", copy);
        return ValueTask.CompletedTask;
    }
}
