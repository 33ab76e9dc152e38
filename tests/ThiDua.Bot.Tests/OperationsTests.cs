using System.Security.Cryptography;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests;

/// <summary>What the office's IT staff do: upgrade an older file, back up a running bot, restore into a fresh folder.</summary>
public sealed class OperationsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-ops-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Written by release ab57263 through its scripted channel: two officers, two nominations, each with a dossier file.</summary>
    private string Fixture(string name)
    {
        var path = Path.Combine(_folder, name, "bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "main-ab57263.db"), path);
        return path;
    }

    private static Dictionary<string, string> Contents(string path)
    {
        using var db = new BotDatabase(path);
        var result = db.Nominations.FindAll().ToDictionary(n => "n:" + n.Code, n => $"{n.NomineeName}|{n.Status}|{n.UnitKey}");
        foreach (var file in db.Files.FindAll())
        {
            using var content = file.OpenRead();
            result["f:" + file.Id] = Convert.ToHexStringLower(SHA256.HashData(content));
        }
        return result;
    }

    [Fact]
    public void A_database_of_the_previous_release_is_migrated_once_with_a_copy_kept_first()
    {
        var path = Fixture("upgrade");
        using (var db = new BotDatabase(path))
        {
            Assert.Equal(0, db.MigratedFrom);
            Assert.Equal(SchemaMigrations.Current, db.SchemaVersion);
            Assert.True(File.Exists(db.MigrationCopy));
            Assert.Equal(2, db.Nominations.Count());
            Assert.Equal(2, db.Files.FindAll().Count());
        }
        // The copy is the old file as it was: still at version 0.
        var copy = Assert.Single(Directory.GetFiles(DatabaseBackups.FolderOf(path), "bot-before-v1-*.db"));
        using (var old = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = copy, Connection = LiteDB.ConnectionType.Direct, ReadOnly = true }))
            Assert.Equal(0, old.UserVersion);
        using (var again = new BotDatabase(path))
            Assert.Null(again.MigratedFrom);
        Assert.Single(Directory.GetFiles(DatabaseBackups.FolderOf(path), "bot-before-v1-*.db"));
    }

    [Fact]
    public async Task A_backup_taken_while_the_bot_runs_restores_into_a_fresh_folder_with_every_nomination_and_file()
    {
        var path = Fixture("live");
        var backup = Path.Combine(_folder, "thidua-backup.db");
        using var input = new TypedInput();
        using var output = new SharedOutput();
        var run = BotProgram.RunAsync([$"--Storage:DatabasePath={path}"], input, output);
        try
        {
            input.Type("han nop ho so lao cai");
            await output.WaitFor("Lào Cai");
            Assert.Equal(BackupCommands.Done, await BotProgram.RunAsync(["backup", "--out", backup, $"--Storage:DatabasePath={path}"], output: TextWriter.Null));
            // Asked of the running bot, the copy is made while it keeps answering.
            input.Type("hồ sơ hải dương gồm gì");
            await output.WaitFor("Hải Dương");
        }
        finally
        {
            input.Type("/thoat");
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        var fresh = Path.Combine(_folder, "fresh", "bot.db");
        Assert.Equal(BackupCommands.Done, await BotProgram.RunAsync(["restore", backup, $"--Storage:DatabasePath={fresh}"], output: TextWriter.Null));
        var expected = Contents(path);
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, Contents(fresh));
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_backup_and_a_newer_database_without_force()
    {
        var path = Fixture("newer");
        var backup = Path.Combine(_folder, "empty-backup.db");
        using (var empty = new BotDatabase(Path.Combine(_folder, "empty", "bot.db")))
            Assert.Null(BackupCommands.Copy(empty, backup, DateTimeOffset.UtcNow).Problem);
        var damaged = Path.Combine(_folder, "damaged.db");
        File.WriteAllBytes(damaged, new byte[8192 * 2]);

        Assert.False(DatabaseRestore.Run(damaged, path, force: false, DateTimeOffset.UtcNow).Restored);
        var refused = DatabaseRestore.Run(backup, path, force: false, DateTimeOffset.UtcNow);
        Assert.False(refused.Restored);
        Assert.Contains("mới hơn bản sao lưu", refused.Message);
        Assert.Equal(4, Contents(path).Count);

        Assert.True(DatabaseRestore.Run(backup, path, force: true, DateTimeOffset.UtcNow).Restored);
        Assert.Empty(Contents(path));
        Assert.Single(Directory.GetFiles(DatabaseBackups.FolderOf(path), "bot-before-restore-*.db"));
    }
}
