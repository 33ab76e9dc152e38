using System.Text.Json;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests;

/// <summary>
/// A database that cannot be trusted is never opened in silence: fewer records than the last backup, or a file that
/// is not a database, stop the start with the file, the backup and what to do; a backup is taken at every start.
/// </summary>
public sealed class DatabaseDamageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-damage-").FullName;
    private string Db => Path.Combine(_folder, "bot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Output, string Errors)> Run(string? script, params string[] extra)
    {
        using var process = BotProcess.Start(["chat", "--jsonl", "--now", "2024-05-02T09:00:00+07:00", $"--Storage:DatabasePath={Db}", .. extra]);
        if (script is not null) await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, errors);
    }

    private static readonly string SaveOne = string.Join('\n',
        JsonSerializer.Serialize(new { chat = "c1", text = "Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, nam, sinh năm 1980, đợt 1 Lào Cai, thành tích: hoàn thành xuất sắc nhiệm vụ" }),
        JsonSerializer.Serialize(new { chat = "c1", text = "Nguyễn Thị Lan" }),
        JsonSerializer.Serialize(new { chat = "c1", text = "UBND xã X" }),
        JsonSerializer.Serialize(new { chat = "c1", button = "f|ok" })) + "\n";

    [Fact]
    public async Task A_database_that_lost_records_since_the_last_backup_stops_the_start_and_names_the_backup()
    {
        var (exit, output, _) = await Run(SaveOne);
        Assert.Equal(0, exit);
        Assert.Contains("LC-2024-0001", output);
        // The next start checks the file and backs it up: one nomination, one officer.
        Assert.Equal(0, (await Run(null)).Exit);
        var latest = DatabaseBackups.Latest(Db);
        Assert.Equal(1, latest!.Value.Manifest.Nominations);

        // The file goes missing (its log deleted after a kill, a disk fault): an empty file must not start as if new.
        File.Delete(Db);
        File.Delete(Path.Combine(_folder, "bot-log.db"));
        var (refused, _, errors) = await Run(null);
        Assert.Equal(2, refused);
        Assert.Contains("ít hơn bản sao lưu gần nhất: thiếu 1 đề nghị", errors);
        Assert.Contains(latest.Value.Path, errors);
        Assert.DoesNotContain("   at ", errors);

        // Restoring the backup as README says brings the nomination back.
        File.Delete(Db);
        File.Copy(latest.Value.Path, Db);
        var (restored, answer, _) = await Run(JsonSerializer.Serialize(new { chat = "c1", text = "/cuatoi" }) + "\n");
        Assert.Equal(0, restored);
        Assert.Contains("LC-2024-0001", answer);
    }

    [Fact]
    public async Task An_officer_erasing_their_own_data_is_not_taken_for_a_loss()
    {
        Assert.Equal(0, (await Run(SaveOne)).Exit);
        Assert.Equal(0, (await Run(null)).Exit);
        var erase = string.Join('\n', JsonSerializer.Serialize(new { chat = "c1", text = "/xoadulieu" }), JsonSerializer.Serialize(new { chat = "c1", button = "g|erase" })) + "\n";
        var (_, erased, _) = await Run(erase);
        Assert.Contains("Đã xóa", erased);
        var (exit, _, errors) = await Run(null);
        Assert.True(exit == 0, errors);
    }

    [Fact]
    public async Task A_deliberate_deletion_starts_when_said_so()
    {
        Assert.Equal(0, (await Run(SaveOne)).Exit);
        Assert.Equal(0, (await Run(null)).Exit);
        File.Delete(Db);
        Assert.Equal(2, (await Run(null)).Exit);
        Assert.Equal(0, (await Run(null, "--Storage:AcceptFewerRecords=true")).Exit);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_clear_message_and_left_as_it_was()
    {
        var garbage = new byte[64 * 1024];
        new Random(7).NextBytes(garbage);
        await File.WriteAllBytesAsync(Db, garbage);
        var (exit, _, errors) = await Run(null);
        Assert.Equal(2, exit);
        Assert.Contains($"Không mở được cơ sở dữ liệu '{Db}'", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(Db));
    }

    [Theory]
    [InlineData("half")]
    [InlineData("flipped")]
    public async Task A_damaged_file_is_refused_at_start_with_the_clear_message_and_left_exactly_as_it_was(string damage)
    {
        Assert.Equal(0, (await Run(SaveOne)).Exit);
        var whole = await File.ReadAllBytesAsync(Db);
        var damaged = damage == "half" ? whole[..(whole.Length / 2 + 100)] : Flipped(whole);
        await File.WriteAllBytesAsync(Db, damaged);

        var (exit, _, errors) = await Run(JsonSerializer.Serialize(new { chat = "c1", text = "/cuatoi" }) + "\n");
        Assert.Equal(2, exit);
        Assert.Contains($"cơ sở dữ liệu '{Db}'", errors);
        Assert.Contains("sao lưu", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal(damaged, await File.ReadAllBytesAsync(Db));
    }

    /// <summary>Bytes flipped in every page after the header: the records themselves are damaged, not only the start.</summary>
    private static byte[] Flipped(byte[] whole)
    {
        var copy = (byte[])whole.Clone();
        for (var page = 1; page * 8192 < copy.Length; page++)
            for (var i = 100; i < 8192; i += 97) copy[page * 8192 + i] ^= 0x5A;
        return copy;
    }

    [Fact]
    public async Task After_a_kill_a_deleted_log_file_is_noticed_although_the_last_backup_was_taken_before_the_nomination()
    {
        Assert.Equal(0, (await Run(null)).Exit);
        using (var process = BotProcess.Start(["chat", "--jsonl", "--now", "2024-05-02T09:00:00+07:00", $"--Storage:DatabasePath={Db}"]))
        {
            await process.StandardInput.WriteAsync(SaveOne);
            await process.StandardInput.FlushAsync();
            // Killed once the nomination is confirmed, stdin still open: the bot is mid-run, its commits in the log.
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null && !line.Contains("LC-2024-0001")) { }
            Assert.NotNull(line);
            process.Kill();
            await process.WaitForExitAsync();
        }
        var log = BotDatabase.LogFileOf(Db);
        Assert.True(File.Exists(log), "the kill came before LiteDB folded its log into the file");
        File.Delete(log);

        var (exit, _, errors) = await Run(null);
        Assert.Equal(2, exit);
        Assert.Contains("ít hơn lúc bot ghi lần cuối", errors);
        Assert.Contains("thiếu 1 lần ghi đã báo cho cán bộ", errors);
        Assert.Contains(log, errors);
        Assert.DoesNotContain("   at ", errors);
    }
}
