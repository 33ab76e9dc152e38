using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Tests;

/// <summary>
/// The real conversation core over the repo's data, an in-memory LiteDB and a fake clock: a chat in a test.
/// Unless <c>registered: false</c>, each chat is an officer of "UBND xã X" already registered (as after
/// onboarding), so nomination tests start where officers do; registration itself is tested with it off.
/// </summary>
public sealed class TestBot : IDisposable
{
    public const string DefaultUnit = "UBND xã X";
    private readonly bool _registered;

    public static readonly DateTimeOffset April2024 = new(2024, 4, 20, 9, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset Today2026 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly Lazy<KnowledgeBase> SharedKnowledge = new(() => LoadKnowledge(new FakeTimeProvider()));

    /// <param name="databasePath">A LiteDB file to reopen later (a restart); null for memory.</param>
    /// <param name="admins">Access:Admins, e.g. "test:admin".</param>
    /// <param name="knowledge">Plans other than the repo's (imported ones, in a data folder of a test's own).</param>
    /// <param name="logger">Where the engine logs (a test that must see the first error passes one); nothing by default.</param>
    /// <param name="meters">Where the engine's <see cref="Telemetry.BotMetrics"/> meter is made (a metrics test listens to it); none by default.</param>
    public TestBot(DateTimeOffset? now = null, string? databasePath = null, bool registered = true, KnowledgeBase? knowledge = null, ILogger<ConversationEngine>? logger = null, System.Diagnostics.Metrics.IMeterFactory? meters = null, params string[] admins)
    {
        Time = new FakeTimeProvider(now ?? April2024);
        Database = databasePath is null ? new BotDatabase(new MemoryStream()) : new BotDatabase(databasePath);
        Knowledge = knowledge ?? SharedKnowledge.Value;
        _registered = registered;
        Failures = new Failures.FailureLog(Database, Time);
        Metrics = meters is null ? null : new Telemetry.BotMetrics(meters, Database, Time);
        Engine = new ConversationEngine(new KnowledgeProvider(Knowledge), Database, new LocalClock(Time), logger ?? NullLogger<ConversationEngine>.Instance,
            accessOptions: new AccessOptions { Admins = [.. admins] }, failureLog: Failures, metrics: Metrics);
    }

    /// <summary>Writes a registered profile directly, as onboarding or an invitation would have.</summary>
    public void Register(string chat, string name = "Cán bộ Thử Nghiệm", string unit = DefaultUnit, Role role = Role.Officer, params string[] scopes)
    {
        var unitKey = Text.VietnameseText.Fold(unit);
        Database.Units.Upsert(new Unit { Key = unitKey, Name = unit, Confirmed = true });
        Database.Officers.Upsert(new OfficerProfile { UserKey = $"test:{chat}", Name = name, Unit = unit, UnitKey = unitKey, Role = role, Scopes = [.. scopes] });
    }

    /// <summary>Everything one message brings: replies and notices pushed to other chats.</summary>
    public ConversationResult Send(IncomingMessage message)
    {
        if (_registered && Database.Officers.FindById($"{message.Channel}:{message.UserId}") is null) Register(message.UserId);
        return Engine.HandleAsync(message).GetAwaiter().GetResult();
    }

    public ConversationResult SendText(string text, string chat = "c1") => Send(new IncomingMessage { Channel = "test", ChatId = chat, UserId = chat, Text = text });

    public ConversationResult SendButton(string data, string chat = "c1") => Send(new IncomingMessage { Channel = "test", ChatId = chat, UserId = chat, ButtonData = data });

    public FakeTimeProvider Time { get; }
    public Telemetry.BotMetrics? Metrics { get; }
    public BotDatabase Database { get; }
    public KnowledgeBase Knowledge { get; }
    public ConversationEngine Engine { get; }
    /// <summary>The failures the engine keeps, and the "run again" hooks registered on them.</summary>
    public Failures.FailureLog Failures { get; }

    public static string DataFolder => RepoPaths.Data;

    public static KnowledgeBase LoadKnowledge(TimeProvider time, string? dataFolder = null)
    {
        using var db = new BotDatabase(new MemoryStream());
        return new KnowledgeLoader(db, NullLogger<KnowledgeLoader>.Instance, time).Load(dataFolder ?? DataFolder);
    }

    public Reply Ask(string text, string chat = "c1") => Single(new IncomingMessage { Channel = "test", ChatId = chat, UserId = chat, Text = text });

    public Reply Press(string data, string chat = "c1") => Single(new IncomingMessage { Channel = "test", ChatId = chat, UserId = chat, ButtonData = data });

    public Reply Press(Reply reply, string buttonText, string chat = "c1")
    {
        var button = reply.Buttons.SelectMany(r => r).FirstOrDefault(b => b.Text.Contains(buttonText, StringComparison.OrdinalIgnoreCase))
            ?? throw new Xunit.Sdk.XunitException($"No button '{buttonText}' in: {string.Join(" | ", reply.Buttons.SelectMany(r => r).Select(b => b.Text))}");
        return Press(button.Data, chat);
    }

    private Reply Single(IncomingMessage message)
    {
        var result = Send(message);
        Assert.NotEmpty(result.Replies);
        return result.Replies[0];
    }

    public void Dispose()
    {
        Metrics?.Dispose();
        Database.Dispose();
    }
}

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Data => Path.Combine(Root, "data");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ThiDua.Bot.sln"))) return dir.FullName;
        throw new InvalidOperationException("ThiDua.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
