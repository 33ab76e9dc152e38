using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Tests;

/// <summary>The daily copy taken while the bot runs: whole and reopenable when the file is sound, never made from a damaged one.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-backup-").FullName;
    private string Db => Path.Combine(_folder, "bot.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly byte[] Pdf = "%PDF-1.4 test"u8.ToArray();

    private static void SaveWithFile(TestBot bot)
    {
        bot.Ask("Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");
        if (bot.Database.Officers.FindById("test:c1") is null) bot.Ask("UBND xã X");
        Assert.Contains("Đã lưu", bot.Press("f|ok").Text);
        bot.Send(new IncomingMessage
        {
            Channel = "test",
            ChatId = "c1",
            UserId = "c1",
            Text = "Tờ trình",
            File = new IncomingFile("to-trinh.pdf", null, Pdf.Length, _ => Task.FromResult<Stream>(new MemoryStream(Pdf))),
        });
    }

    [Fact]
    public void A_running_bot_is_copied_whole_with_its_records_and_files_and_later_writes_stay_in_the_live_file()
    {
        string copy;
        using (var bot = new TestBot(databasePath: Db))
        {
            SaveWithFile(bot);
            var (taken, problem) = DatabaseBackups.TakeChecked(bot.Database, Db, keep: 3, DateTimeOffset.UtcNow);
            Assert.Null(problem);
            copy = taken!;
            // Written after the copy: in the live file, not in the copy.
            bot.Ask("Đề nghị BK CT tỉnh cho đ/c Trần Văn Bình, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1981, nam, thành tích: hoàn thành tốt nhiệm vụ");
            Assert.Contains("Đã lưu", bot.Press("f|ok").Text);
        }
        using var restored = new BotDatabase(copy);
        var n = Assert.Single(restored.Nominations.FindAll());
        var attachment = Assert.Single(n.Attachments);
        using var content = new MemoryStream();
        Assert.Null(Nominations.DossierFiles.CopyVerified(restored, attachment.FileId, attachment.Sha256, content));
        Assert.Equal(Pdf, content.ToArray());
        Assert.Equal(1, DatabaseBackups.Latest(Db)!.Value.Manifest.Nominations);
    }

    [Fact]
    public void A_damaged_dossier_file_stops_the_copy_and_the_older_copies_stay()
    {
        using var bot = new TestBot(databasePath: Db);
        SaveWithFile(bot);
        var (good, _) = DatabaseBackups.TakeChecked(bot.Database, Db, keep: 1, DateTimeOffset.UtcNow.AddMinutes(-1));
        var chunks = bot.Database.Collection<LiteDB.BsonDocument>("_chunks");
        var chunk = chunks.FindAll().First();
        var data = chunk["data"].AsBinary;
        data[^1] ^= 0xFF;
        chunk["data"] = data;
        chunks.Update(chunk);

        var (copy, problem) = DatabaseBackups.TakeChecked(bot.Database, Db, keep: 1, DateTimeOffset.UtcNow);
        Assert.Null(copy);
        Assert.Contains("1 tệp hồ sơ hỏng", problem);
        Assert.Contains("SHA-256", problem);
        Assert.Equal(good, DatabaseBackups.Latest(Db)!.Value.Path);
        Assert.True(File.Exists(good));
    }
}
