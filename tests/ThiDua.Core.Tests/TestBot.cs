using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Tests;

/// <summary>The real conversation core over the repo's data, an in-memory LiteDB and a fake clock: a chat in a test.</summary>
public sealed class TestBot : IDisposable
{
    public static readonly DateTimeOffset April2024 = new(2024, 4, 20, 9, 0, 0, TimeSpan.FromHours(7));
    public static readonly DateTimeOffset Today2026 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly Lazy<KnowledgeBase> SharedKnowledge = new(() => LoadKnowledge(new FakeTimeProvider()));

    /// <param name="databasePath">A LiteDB file to reopen later (a restart); null for memory.</param>
    public TestBot(DateTimeOffset? now = null, string? databasePath = null)
    {
        Time = new FakeTimeProvider(now ?? April2024);
        Database = databasePath is null ? new BotDatabase(new MemoryStream()) : new BotDatabase(databasePath);
        Knowledge = SharedKnowledge.Value;
        Engine = new ConversationEngine(new KnowledgeProvider(Knowledge), Database, new LocalClock(Time), NullLogger<ConversationEngine>.Instance);
    }

    public FakeTimeProvider Time { get; }
    public BotDatabase Database { get; }
    public KnowledgeBase Knowledge { get; }
    public ConversationEngine Engine { get; }

    public static string DataFolder => RepoPaths.Data;

    public static KnowledgeBase LoadKnowledge(TimeProvider time)
    {
        using var db = new BotDatabase(new MemoryStream());
        return new KnowledgeLoader(db, NullLogger<KnowledgeLoader>.Instance, time).Load(DataFolder);
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
        var result = Engine.HandleAsync(message).GetAwaiter().GetResult();
        Assert.NotEmpty(result.Replies);
        return result.Replies[0];
    }

    public void Dispose() => Database.Dispose();
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
