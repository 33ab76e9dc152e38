using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Failures;
using ThiDua.Core.Import;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Tests;

/// <summary>
/// The conversation core with plan files read in the background, as a Telegram or Zalo host has it, without the
/// channel: its outcomes are read from the outbox. Over a database file, so a test can stop it and start another.
/// </summary>
public sealed class BackgroundImportBot : IAsyncDisposable
{
    public const string Channel = "test";
    private static readonly Lazy<KnowledgeBase> Knowledge = new(() => TestBot.LoadKnowledge(new FakeTimeProvider()));
    private readonly CancellationTokenSource _stop = new();
    private readonly OutboxDispatcher _outbox;
    private Task? _worker;

    /// <param name="databasePath">The file (shared with the bot before or after a restart); null for memory.</param>
    /// <param name="fetchAgain">How the channel fetches a file again by its reference.</param>
    public BackgroundImportBot(string? databasePath, FakeTimeProvider time, Func<string, CancellationToken, Task<Stream>> fetchAgain, params string[] admins)
        : this(databasePath, time, fetchAgain, new ImportOptions(), admins)
    {
    }

    /// <param name="limits">Import:* as configured (the OCR programs, the scan limits).</param>
    public BackgroundImportBot(string? databasePath, FakeTimeProvider time, Func<string, CancellationToken, Task<Stream>> fetchAgain, ImportOptions limits, params string[] admins)
    {
        Database = databasePath is null ? new BotDatabase(new MemoryStream()) : new BotDatabase(databasePath);
        Failures = new FailureLog(Database, time);
        _outbox = new OutboxDispatcher(Database, [], time, NullLogger<OutboxDispatcher>.Instance, Failures);
        var clock = new LocalClock(time);
        var knowledge = new KnowledgeProvider(Knowledge.Value);
        Queue = new ImportQueue(Database, _outbox, new PlanDrafts(Database, clock, knowledge, limits), Failures, time,
            NullLogger<ImportQueue>.Instance, [new ImportFileSource(Channel, fetchAgain)]);
        Engine = new ConversationEngine(knowledge, Database, clock, NullLogger<ConversationEngine>.Instance,
            accessOptions: new AccessOptions { Admins = [.. admins] }, failureLog: Failures, importQueue: Queue);
    }

    public BotDatabase Database { get; }
    public FailureLog Failures { get; }
    public ImportQueue Queue { get; }
    public ConversationEngine Engine { get; }

    /// <summary>Starts the worker, as the host does.</summary>
    public void Start() => _worker = Task.Run(() => Queue.RunAsync(_stop.Token));

    /// <summary>The next outcome the queue puts in the outbox; ask before what causes it.</summary>
    public Task<Reply> NextOutcome() => NextOutcome(TimeSpan.FromSeconds(20));

    /// <param name="within">How long the read may take (OCR takes seconds a page) before the test fails.</param>
    public Task<Reply> NextOutcome(TimeSpan within)
    {
        var next = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Once(QueuedImport job, Reply outcome)
        {
            Queue.Delivered -= Once;
            next.TrySetResult(outcome);
        }
        Queue.Delivered += Once;
        return next.Task.WaitAsync(within);
    }

    /// <summary>The first page of a scan starting to be read; ask before what causes it.</summary>
    public Task FirstPageRead()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Once(QueuedImport job, ScanProgress page)
        {
            Queue.Reading -= Once;
            started.TrySetResult();
        }
        Queue.Reading += Once;
        return started.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Register(string chat, Role role)
    {
        Database.Units.Upsert(new Unit { Key = "ban tdkt tinh", Name = "Ban TĐKT tỉnh", Confirmed = true });
        Database.Officers.Upsert(new OfficerProfile { UserKey = $"{Channel}:{chat}", Name = "Trần Thẩm", Unit = "Ban TĐKT tỉnh", UnitKey = "ban tdkt tinh", Role = role, Scopes = ["*"] });
    }

    public ConversationResult Send(IncomingMessage message) => Engine.HandleAsync(message).GetAwaiter().GetResult();

    public Reply Ask(string text, string chat) => Send(new IncomingMessage { Channel = Channel, ChatId = chat, UserId = chat, Text = text }).Replies.Single();

    public Reply Press(string data, string chat) => Send(new IncomingMessage { Channel = Channel, ChatId = chat, UserId = chat, ButtonData = data }).Replies.Single();

    /// <summary>A file sent in <paramref name="chat"/>, with the platform's id for the message.</summary>
    public static IncomingMessage Upload(string chat, string messageId, IncomingFile file) =>
        new() { Channel = Channel, ChatId = chat, UserId = chat, MessageId = messageId, File = file };

    /// <summary>What the queue sent to <paramref name="chat"/>, in order.</summary>
    public IReadOnlyList<string> SentTo(string chat) => [.. Database.Outbox.Find(m => m.ChatId == chat).OrderBy(m => m.Sequence).Select(m => m.Text)];

    /// <summary>Stops the worker mid-read if it is reading (a process stopping), then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_worker is not null) await _worker;
        _outbox.Dispose();
        Database.Dispose();
        _stop.Dispose();
    }
}
