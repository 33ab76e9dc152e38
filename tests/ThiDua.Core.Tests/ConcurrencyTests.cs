using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Tests;

/// <summary>Many chats at once, each with its own form: no cross-talk, no lost write, unique codes.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Two_hundred_chats_registering_at_once_each_get_their_own_nomination()
    {
        // A database file, as the bot runs: LiteDB over one MemoryStream is not safe for concurrent writers
        // ("page type must be collection page" under load), which made this test fail at random.
        using var temp = new TempDatabase();
        var errors = new FirstErrorLogger();
        using var bot = new TestBot(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(7)), temp.Path, logger: errors);
        async Task<string> Say(string chat, string? text = null, string? button = null) =>
            (await bot.Engine.HandleAsync(new IncomingMessage { Channel = "test", ChatId = chat, UserId = chat, Text = text, ButtonData = button })).Replies[0].Text;

        var chats = Enumerable.Range(0, 200).Select(i => $"chat{i}").ToList();
        foreach (var chat in chats) bot.Register(chat, NameFor(chat), $"UBND xã {chat}");
        // 32 at a time, as the channels run them (Telegram:MaxConcurrentChats is 16 by default): 200 blocked tasks at
        // once only measure how slowly the thread pool grows on a busy machine.
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(chats, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (chat, _) =>
        {
            await Say(chat, $"Đề nghị BK CT tỉnh cho đ/c {NameFor(chat)}, Cán bộ UBND xã {chat}, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành tốt nhiệm vụ");
            results.Add(await Say(chat, button: "f|ok"));
        });

        var unsaved = results.Where(r => !r.Contains("Đã lưu đề nghị LC-2024-", StringComparison.Ordinal)).ToList();
        // A failure is kept with its exception: the message names it, so a rare failure can be diagnosed from one run.
        Assert.True(unsaved.Count == 0, $"{unsaved.Count} not saved, e.g.: {unsaved.FirstOrDefault()}\nFirst error logged: {errors.First}\nFirst error kept: {FirstError(bot)}");
        var saved = bot.Database.Nominations.FindAll().ToList();
        Assert.Equal(200, saved.Count);
        Assert.Equal(200, saved.Select(n => n.Code).Distinct().Count());
        Assert.All(saved, n => Assert.Equal($"test:{n.ProposingUnit!["UBND xã ".Length..]}", n.OwnerKey));
        Assert.Empty(bot.Database.Forms.FindAll());
    }

    /// <summary>
    /// LiteDB 5 alone fails here within the first few files ("page type must be collection page", then its engine is
    /// closed and a finalizer's exception ends the process): a read of a collection its first write is creating, and
    /// writers on different collections sharing the header page.
    /// </summary>
    [Fact]
    public void Many_first_writes_at_once_on_a_new_file_never_close_the_database()
    {
        for (var file = 0; file < 20; file++)
        {
            using var temp = new TempDatabase();
            using var db = new BotDatabase(temp.Path);
            var adapter = db.Collection<LiteDB.BsonDocument>("adapter_state");
            Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 32 }, i =>
            {
                var key = $"test:c{i}";
                db.Forms.FindById(key);
                db.Forms.Upsert(new ThiDua.Core.Nominations.NominationForm { Key = key, NomineeName = $"Người {i}" });
                db.Chats.FindById(key);
                db.Increment($"codes:{i % 4}");
                adapter.Upsert(new LiteDB.BsonDocument { ["_id"] = key, ["seen"] = i });
                db.Chats.Upsert(new ChatState { Key = key });
            });
            Assert.Equal(64, db.Forms.Count());
            Assert.Equal(64, adapter.Count());
            Assert.Equal(64, db.Counters.FindAll().Sum(c => c.Value));
        }
    }

    /// <summary>Keeps the first exception the engine logs: when LiteDB closes itself after one, the rest only say "disposed".</summary>
    private sealed class FirstErrorLogger : Microsoft.Extensions.Logging.ILogger<ConversationEngine>
    {
        private Exception? _first;
        public string First => _first?.ToString() ?? "(none)";
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null) Interlocked.CompareExchange(ref _first, exception, null);
        }
    }

    private static string FirstError(TestBot bot)
    {
        try
        {
            return bot.Failures.Recent(200) is [.., var first] ? first.Error : "(none kept)";
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or InvalidOperationException)
        {
            return $"(the failures could not be read: {ex.Message})";
        }
    }

    private static readonly string[] Surnames = ["Nguyễn", "Lò"], Middles = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Xuân", "Thu"],
        Givens = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Nam", "Phúc"];

    /// <summary>"chat17" → "Nguyễn Văn Hùng"…: 200 distinct real-looking names.</summary>
    private static string NameFor(string chat)
    {
        var n = int.Parse(chat[4..], System.Globalization.CultureInfo.InvariantCulture);
        return $"{Surnames[n / 100]} {Middles[n / 10 % 10]} {Givens[n % 10]}";
    }

    [Fact]
    public void A_second_bot_on_the_same_database_file_is_refused_clearly()
    {
        using var temp = new TempDatabase();
        var path = temp.Path;
        using var first = new BotDatabase(path);
        var refused = Assert.Throws<IOException>(() => new BotDatabase(path));
        Assert.Contains("đang được một tiến trình ThiDua.Bot khác dùng", refused.Message);
    }
}
