using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Tests.Features;

/// <summary>A new command is one feature class: registered with the engine, it answers its command and its buttons; nothing else changes.</summary>
public class PingFeatureTests
{
    /// <summary>The feature's one button, as its data: "p|again".</summary>
    private sealed record PingPress(string What) : ButtonPayload, IPayloadFamily<PingPress>
    {
        public static string Prefix => "p";

        public override string Data => Write(Prefix, What);

        public static PingPress? FromFields(string[] fields) => fields is [var what] ? new PingPress(what) : null;
    }

    /// <summary>A feature that exists only in this test: /ping, and a button that pings again.</summary>
    private sealed class PingFeature : IFeature
    {
        public void Register(FeatureRoutes routes, FeatureContext context)
        {
            routes.Command("ping", (turn, args) => [new Reply(args.Length == 0 ? "pong" : $"pong {args}") { Buttons = [[new PingPress("again").Button("Lần nữa")]] }]);
            routes.Button<PingPress>((turn, press) => [new Reply($"pong ({press?.What}) lúc {context.Clock.Today:dd/MM/yyyy}")]);
        }
    }

    private static (ConversationEngine Engine, BotDatabase Db) EngineWith(params IFeature[] features)
    {
        var db = new BotDatabase(new MemoryStream());
        var time = new FakeTimeProvider(TestBot.April2024);
        var engine = new ConversationEngine(new KnowledgeProvider(TestBot.LoadKnowledge(time)), db, new LocalClock(time), NullLogger<ConversationEngine>.Instance, features: features);
        return (engine, db);
    }

    private static async Task<Reply> Send(ConversationEngine engine, string? text = null, string? button = null) =>
        (await engine.HandleAsync(new IncomingMessage { Channel = "test", ChatId = "c1", UserId = "c1", Text = text, ButtonData = button })).Replies[0];

    [Fact]
    public async Task A_feature_registered_with_the_engine_answers_its_command_and_its_buttons()
    {
        var (engine, db) = EngineWith(new PingFeature());
        using var _ = db;
        var pong = await Send(engine, "/ping");
        Assert.Equal("pong", pong.Text);
        Assert.Equal("pong xa X", (await Send(engine, "/ping@ThiDuaBot xa X")).Text);
        Assert.Equal("pong (again) lúc 20/04/2024", (await Send(engine, button: pong.Buttons[0][0].Data)).Text);
        // The bot's own commands are still there, and still the bot's.
        Assert.Contains("Lào Cai", (await Send(engine, "/kehoach")).Text);
    }

    [Fact]
    public async Task Without_the_feature_the_command_is_unknown()
    {
        var (engine, db) = EngineWith();
        using var _ = db;
        Assert.Contains("Không có lệnh /ping", (await Send(engine, "/ping")).Text);
        Assert.Contains("không còn dùng được", (await Send(engine, button: "p|again")).Text);
    }

    /// <summary>Button data has one reader: a second feature claiming the same prefix is refused when the engine is made.</summary>
    [Fact]
    public void Two_features_claiming_the_same_buttons_are_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EngineWith(new PingFeature(), new PingFeature()));
        Assert.Contains("'p|'", error.Message);
    }
}
