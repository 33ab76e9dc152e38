using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// Telegram, long polling or webhook: the bot process against the fake Bot API server (which outlives every kill),
/// officers talking to it, faults on the fake, kills until the plan is used up. Then the officers finish what they
/// are doing, the bot is stopped and started again until its outbox is empty (its clock moved past the last retry
/// wait: a bot that was down a while), and both ends are counted.
/// </summary>
internal sealed class TelegramRun(bool webhook, int kills, int officerCount, int seed)
{
    private const string Secret = "faults-harness-webhook-secret";
    /// <summary>An officer with no answer this long taps again (a 500 is retried after 5 s, a hang after 2 + 5 s).</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(25);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly List<Officer> _officers = [.. Enumerable.Range(0, officerCount).Select(i => new Officer(i, 7000 + i, seed * 1000 + i, FaultHarness.Questions, repeatsWithin: TimeSpan.FromSeconds(20)))];
    private readonly Dictionary<long, DateTimeOffset> _lastHeard = [];
    private FakeTelegramServer _server = null!;
    private WebhookDelivery? _posts;
    private KillPlan _plan = null!;
    private DateTimeOffset _readyAt;
    private int _seen;
    private int _sentAgain;
    private int _silentStarts;

    public async Task<ChannelFigures> RunAsync()
    {
        var figures = new ChannelFigures(webhook ? "Telegram webhook" : "Telegram polling");
        var clock = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("thidua-faults-").FullName;
        var database = Path.Combine(folder, "bot.db");
        await using var server = _server = await FakeTelegramServer.StartAsync();
        var port = webhook ? FreePort() : 0;
        string[] arguments = ["run", $"--Telegram:ApiBaseUrl={server.BaseUrl}", "--Telegram:PollTimeoutSeconds=1", "--Telegram:RequestTimeoutSeconds=1",
            .. webhook ? new[] { "--Telegram:WebhookUrl=https://bot.example.vn/tg/hook", $"--Urls=http://127.0.0.1:{port}" } : []];
        var environment = new Dictionary<string, string> { ["Telegram__Token"] = server.Token };
        if (webhook) environment["Telegram__WebhookSecret"] = Secret;
        using var bot = new KillableBot(database, arguments, environment, Path.Combine(folder, "bot.log"), scripted: false);
        await using var posts = _posts = webhook ? new WebhookDelivery($"http://127.0.0.1:{port}/tg/hook", Secret) : null;
        var random = new Random(seed);
        _plan = new KillPlan(random, kills);
        var faults = new FaultInjector(server, random, polling: !webhook);

        await StartAsync(bot);
        foreach (var officer in _officers) Deliver(officer, officer.Begin());
        DateTimeOffset? windingDown = null;
        while (true)
        {
            var now = DateTimeOffset.UtcNow;
            Route(now);
            foreach (var officer in _officers.Where(o => !o.Done && now - _lastHeard[o.ChatId] > Silence))
            {
                _sentAgain++;
                Deliver(officer, officer.SendAgain());
            }
            if (_plan.Left > 0)
            {
                faults.Tick(now, [.. _officers.Where(o => !o.Done).Select(o => o.ChatId)]);
                if (_plan.Due(now, _readyAt))
                {
                    await bot.KillAsync();
                    _plan.Killed();
                    await StartAsync(bot);
                }
            }
            else if (windingDown is null)
            {
                windingDown = now;
                faults.Stop();
                foreach (var officer in _officers) officer.WindDown();
            }
            else if (_officers.All(o => o.Done))
            {
                break;
            }
            else if (now - windingDown > TimeSpan.FromMinutes(3))
            {
                foreach (var officer in _officers.Where(o => !o.Done))
                    Console.Error.WriteLine($"{figures.Name}: officer {officer.Index} still waits for an answer to {officer.Waiting}");
                break;
            }
            await Task.Delay(10);
        }
        figures.Finishing = DateTimeOffset.UtcNow - windingDown!.Value;
        await DrainAsync(bot, database);

        using (var db = new BotDatabase(database))
        {
            figures.Delivery = DeliveryAudit.Of(db, server.Messages, server.Calls, bot.Kills);
            figures.Nominations = NominationAudit.Of(db, _officers, o => $"telegram:{o.ChatId}");
        }
        figures.LoiUndelivered = await LoiCheck.UndeliveredAsync(database, bot.Now);
        figures.Kills = kills;
        figures.KillsAfterConfirmation = _plan.AfterConfirmation;
        figures.Starts = bot.Starts;
        figures.Faults = faults.Taken;
        figures.AddOfficers(_officers);
        figures.SentAgain = _sentAgain;
        figures.SilentStarts = _silentStarts;
        figures.WebhookRetries = posts?.Retries;
        figures.Elapsed = clock.Elapsed;
        Finish(figures, folder);
        return figures;
    }

    /// <summary>
    /// Starts the bot and waits until it asks Telegram for updates (polling) or registers its webhook; a bot that does
    /// neither in a minute is counted, killed and started again, three times at most.
    /// </summary>
    private async Task StartAsync(KillableBot bot)
    {
        for (var attempt = 1; ; attempt++)
        {
            var launched = DateTimeOffset.UtcNow;
            bot.Launch();
            try
            {
                await _server.WaitForCallAsync(webhook ? "setWebhook" : "getUpdates", c => c.At > launched, Patience);
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                _silentStarts++;
                Console.Error.WriteLine($"telegram: start {bot.Starts} did not reach the Bot API within {Patience.TotalSeconds:F0} s; killed and started again (bot log: {bot.LogFile})");
                await bot.KillAsync();
            }
        }
        _readyAt = DateTimeOffset.UtcNow;
        foreach (var officer in _officers) _lastHeard[officer.ChatId] = _readyAt;
        _plan.Arm();
    }

    /// <summary>Every message the fake accepted since the last look, to its officer, whose answer goes out at once.</summary>
    private void Route(DateTimeOffset now)
    {
        var all = _server.Messages;
        for (; _seen < all.Count; _seen++)
        {
            var message = all[_seen];
            if (message.Method != "sendMessage" || _officers.Find(o => o.ChatId == message.ChatId) is not { } officer) continue;
            _lastHeard[officer.ChatId] = now;
            Deliver(officer, officer.OnMessage(new BotMessage(Plain(message.Text), Buttons(message.ReplyMarkup), message.MessageId, message.At)));
        }
    }

    private void Deliver(Officer officer, ChatInput? input)
    {
        if (input is null) return;
        var now = DateTimeOffset.UtcNow;
        _lastHeard[officer.ChatId] = now;
        if (input.IsConfirmation) _plan.Confirmed(now, _readyAt);
        var chat = officer.ChatId;
        switch (_posts, input.Button)
        {
            case (null, null): _server.EnqueueText(chat, chat, input.Text!); break;
            case (null, { } data): _server.EnqueueCallback(chat, chat, input.MessageId, data); break;
            case ({ } posts, null): posts.Text(chat, input.Text!); break;
            case ({ } posts, { } data): posts.Press(chat, input.MessageId, data); break;
        }
    }

    /// <summary>
    /// Stops the bot once Telegram has been quiet 3 s, and while its outbox still holds a pending reply (a retry wait
    /// of 20 s or more), starts it again with its clock past that wait, until nothing is pending.
    /// </summary>
    private async Task DrainAsync(KillableBot bot, string database)
    {
        for (var round = 0; ; round++)
        {
            await QuietAsync(TimeSpan.FromSeconds(3));
            await bot.StopAsync();
            DateTime? latest;
            using (var db = new BotDatabase(database))
                latest = db.Outbox.Find(m => m.Channel == "telegram" && m.Status == OutboxStatus.Pending).Select(m => m.PendingAt).Max();
            if (latest is not { } due || round == 3) return;
            var ahead = new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)) - bot.Now + TimeSpan.FromSeconds(1);
            if (ahead > TimeSpan.Zero) bot.JumpClock(ahead);
            await StartAsync(bot);
        }
    }

    private async Task QuietAsync(TimeSpan quiet)
    {
        var last = (_server.Messages.Count, DateTimeOffset.UtcNow);
        while (DateTimeOffset.UtcNow - last.UtcNow < quiet || _posts is { Waiting: > 0 })
        {
            Route(DateTimeOffset.UtcNow);
            if (_server.Messages.Count != last.Count) last = (_server.Messages.Count, DateTimeOffset.UtcNow);
            await Task.Delay(50);
        }
    }

    private static void Finish(ChannelFigures figures, string folder)
    {
        if (figures.Holds) Directory.Delete(folder, recursive: true);
        else Console.Error.WriteLine($"{figures.Name}: the promise did not hold; database and bot log kept in {folder}");
    }

    private static List<string> Buttons(JsonNode? markup) =>
        markup?["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray()).Select(b => b!["callback_data"]?.GetValue<string>()).OfType<string>().ToList() ?? [];

    /// <summary>The text as the core wrote it: the sender escapes &lt;, &gt; and &amp; for HTML parse mode.</summary>
    public static string Plain(string? html) => (html ?? "").Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
