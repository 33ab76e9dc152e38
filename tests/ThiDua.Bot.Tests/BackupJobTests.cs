using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests;

/// <summary>The real host with the real Quartz scheduler takes the daily copy while it runs, beside the one taken at start.</summary>
public sealed class BackupJobTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-backupjob-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_backup_job_copies_the_database_while_the_console_keeps_answering()
    {
        var db = Path.Combine(_folder, "bot.db");
        using var input = new TypedInput();
        using var output = new SharedOutput();
        // Every second instead of 02:00, so the job runs within the test.
        var run = BotProgram.RunAsync([$"--Storage:DatabasePath={db}", "--Storage:BackupCron=* * * * * ?", "--Storage:Backups=3"], input, output);
        try
        {
            input.Type("han nop ho so lao cai");
            await output.WaitFor("Lào Cai");
            using var watcher = new FileSystemWatcher(DatabaseBackups.FolderOf(db), "*.json");
            var copies = () => Directory.GetFiles(DatabaseBackups.FolderOf(db), "*.json").Length;
            // One copy at start; the job's come on top, up to the three kept.
            for (var second = 0; second < 30 && copies() < 3; second++) watcher.WaitForChanged(WatcherChangeTypes.Created | WatcherChangeTypes.Renamed, TimeSpan.FromSeconds(1));
            Assert.Equal(3, copies());
            input.Type("hồ sơ hải dương gồm gì");
            await output.WaitFor("Hải Dương");
        }
        finally
        {
            input.Type("/thoat");
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        var latest = DatabaseBackups.Latest(db)!.Value;
        using var copy = new BotDatabase(latest.Path);
        Assert.True(copy.Campaigns.Count() >= 5);
        Assert.Equal(3, Directory.GetFiles(DatabaseBackups.FolderOf(db), "*.json").Length);
    }
}
