using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>
/// `backup --out FILE` refuses, with a sentence and exit code 2, whatever would lose or hide data: no file named,
/// a file that exists (even the database itself, even with --force), a folder that is not there, a place nobody can
/// write, no database to copy. Nothing is overwritten, and no empty database is made where none was.
/// </summary>
public sealed class BackupRefusalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-backup-refusals-").FullName;
    private readonly string _database;

    public BackupRefusalTests()
    {
        _database = Path.Combine(_folder, "data", "bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "main-ab57263.db"), _database);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Errors)> Backup(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await BackupCommands.BackupAsync(CommandLine.Parse(["backup", .. args]), output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    private string Db => $"--Storage:DatabasePath={_database}";

    [Fact]
    public async Task Without_a_file_named_or_with_a_stray_argument_it_says_how_to_use_it()
    {
        foreach (var args in new[] { new[] { Db }, [Db, Path.Combine(_folder, "x.db")], [Db, "--out", Path.Combine(_folder, "x.db"), "extra"] })
        {
            var (exit, output, errors) = await Backup(args);
            Assert.Equal(BackupCommands.Refused, exit);
            Assert.Empty(output);
            Assert.StartsWith("Dùng: backup --out TỆP", errors, StringComparison.Ordinal);
        }
        Assert.Empty(Directory.GetFiles(_folder));
        var missing = Assert.Throws<CommandLineException>(() => CommandLine.Parse(["backup", "--out"]));
        Assert.Contains("--out cần một giá trị", missing.Message);
    }

    [Fact]
    public async Task A_file_that_exists_is_never_overwritten_not_even_the_database_itself_nor_with_force()
    {
        var earlier = Path.Combine(_folder, "yesterday.db");
        await File.WriteAllTextAsync(earlier, "yesterday's backup");
        var database = await File.ReadAllBytesAsync(_database);
        string[][] attempts = [[Db, "--out", earlier], [Db, "--out", earlier, "--force"], [Db, "--out", _database], [Db, "--out", _database, "--force"]];
        foreach (var args in attempts)
        {
            var (exit, _, errors) = await Backup(args);
            Assert.Equal(BackupCommands.Refused, exit);
            Assert.Contains($"Không sao lưu được vào '{args[2]}': tệp đã có; bản sao lưu không ghi đè tệp nào", errors);
        }
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(earlier));
        Assert.Equal(database, await File.ReadAllBytesAsync(_database));
    }

    [Fact]
    public async Task A_folder_that_is_not_there_or_is_a_file_is_named_and_not_created()
    {
        var absent = Path.Combine(_folder, "no-such-folder", "copy.db");
        var (exit, _, errors) = await Backup(Db, "--out", absent);
        Assert.Equal(BackupCommands.Refused, exit);
        Assert.Contains($"không có thư mục '{Path.GetDirectoryName(absent)}'", errors);
        Assert.False(Directory.Exists(Path.GetDirectoryName(absent)));

        var underAFile = Path.Combine(_database, "copy.db");
        (exit, _, errors) = await Backup(Db, "--out", underAFile);
        Assert.Equal(BackupCommands.Refused, exit);
        Assert.Contains($"không có thư mục '{_database}'", errors);
    }

    [Fact]
    public async Task A_place_nobody_can_write_to_is_refused_with_the_system_reason()
    {
        // Tests run as root here (and in CI), so a read-only folder would not stop the copy; Linux's /proc refuses new files to everyone.
        var (exit, output, errors) = await Backup(Db, "--out", "/proc/thidua-backup.db");
        Assert.Equal(BackupCommands.Refused, exit);
        Assert.Empty(output);
        Assert.StartsWith("Không sao lưu được vào '/proc/thidua-backup.db': ", errors, StringComparison.Ordinal);
        Assert.False(File.Exists("/proc/thidua-backup.db"));
    }

    [Fact]
    public async Task With_no_database_at_the_path_it_says_so_and_makes_no_empty_one()
    {
        var nowhere = Path.Combine(_folder, "elsewhere", "bot.db");
        var target = Path.Combine(_folder, "copy.db");
        var (exit, _, errors) = await Backup($"--Storage:DatabasePath={nowhere}", "--out", target);
        Assert.Equal(BackupCommands.Refused, exit);
        Assert.Contains($"không có cơ sở dữ liệu '{nowhere}'", errors);
        Assert.False(File.Exists(nowhere));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task The_running_bot_refuses_an_existing_file_too_and_keeps_answering()
    {
        var earlier = Path.Combine(_folder, "yesterday.db");
        await File.WriteAllTextAsync(earlier, "yesterday's backup");
        using var input = new TypedInput();
        using var output = new SharedOutput();
        var run = BotProgram.RunAsync([Db], input, output);
        try
        {
            input.Type("han nop ho so lao cai");
            await output.WaitFor("Các mốc thời hạn — Lào Cai");
            var (exit, said, errors) = await Backup(Db, "--out", earlier);
            Assert.Equal(BackupCommands.Refused, exit);
            Assert.Empty(said);
            Assert.Contains("tệp đã có; bản sao lưu không ghi đè tệp nào", errors);
            input.Type("han nop ho so hai duong");
            await output.WaitFor("Các mốc thời hạn — Hải Dương");
        }
        finally
        {
            input.Type("/thoat");
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        Assert.Equal("yesterday's backup", await File.ReadAllTextAsync(earlier));
    }
}
