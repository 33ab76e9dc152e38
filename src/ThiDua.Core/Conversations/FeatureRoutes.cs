namespace ThiDua.Core.Conversations;

/// <summary>A feature's part of the conversation: it registers its commands and buttons once, when the engine is made.</summary>
public interface IFeature
{
    void Register(FeatureRoutes routes, FeatureContext context);
}

/// <summary>Answers a command ("/hoso lào cai" → args "lào cai"); null when this handler leaves it to the next one registered for the name.</summary>
public delegate List<Reply>? CommandHandler(Turn turn, string args);

/// <summary>Answers the message a chat was waiting for (<see cref="ChatState.AwaitingInput"/>); null when it leaves the message to the rest.</summary>
public delegate List<Reply>? AwaitedHandler(Turn turn, string awaited, string text);

/// <summary>Answers a pressed button's data.</summary>
public delegate List<Reply> ButtonHandler(Turn turn, string data);

/// <summary>Answers a button whose work waits on I/O (running a failed message again calls a channel).</summary>
public delegate Task<List<Reply>> SlowButtonHandler(Turn turn, string data, CancellationToken cancellationToken);

/// <summary>
/// The table the engine looks up: which feature answers which command and which button data. A button is owned by
/// one feature, by its exact data ("cmd|help") or by the part before its first '|' ("f|" for every form button).
/// </summary>
public sealed class FeatureRoutes
{
    private readonly Dictionary<string, List<CommandHandler>> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ButtonHandler> _buttons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlowButtonHandler> _slowButtons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AwaitedHandler> _awaited = new(StringComparer.Ordinal);

    /// <summary>Builds the table from the features, in order: for a command several features answer, the first that takes it.</summary>
    public static FeatureRoutes Of(FeatureContext context, IEnumerable<IFeature> features)
    {
        var routes = new FeatureRoutes();
        foreach (var feature in features) feature.Register(routes, context);
        return routes;
    }

    public FeatureRoutes Command(string name, CommandHandler handler)
    {
        if (!_commands.TryGetValue(name, out var handlers)) _commands[name] = handlers = [];
        handlers.Add(handler);
        return this;
    }

    public FeatureRoutes Commands(IEnumerable<string> names, CommandHandler handler)
    {
        foreach (var name in names) Command(name, handler);
        return this;
    }

    /// <summary>Every press of family <typeparamref name="T"/> ("v|…"), read into its record: null for data it never writes (stale or forged).</summary>
    public FeatureRoutes Button<T>(Func<Turn, T?, List<Reply>> handler) where T : ButtonPayload, IPayloadFamily<T> =>
        Button(T.Prefix + "|", (turn, data) => handler(turn, Payload.Read<T>(data)));

    /// <summary>One button by its whole data (<c>CommandPress.Help</c>): several features may share a family this way.</summary>
    public FeatureRoutes Button(ButtonPayload exact, ButtonHandler handler) => Button(exact.Data, handler);

    public FeatureRoutes SlowButton<T>(Func<Turn, T?, CancellationToken, Task<List<Reply>>> handler) where T : ButtonPayload, IPayloadFamily<T> =>
        SlowButton(T.Prefix + "|", (turn, data, cancellationToken) => handler(turn, Payload.Read<T>(data), cancellationToken));

    /// <param name="key">The whole data ("cmd|cuatoi") or its prefix up to and with the first '|' ("n|").</param>
    public FeatureRoutes Button(string key, ButtonHandler handler)
    {
        Claim(key);
        _buttons[key] = handler;
        return this;
    }

    public FeatureRoutes SlowButton(string key, SlowButtonHandler handler)
    {
        Claim(key);
        _slowButtons[key] = handler;
        return this;
    }

    /// <summary>The typed message a chat awaits of family <typeparamref name="T"/> ("return|12"), answered by its feature.</summary>
    public FeatureRoutes Awaited<T>(Func<Turn, T, string, List<Reply>?> handler) where T : AwaitedInput, IPayloadFamily<T>
    {
        if (!_awaited.TryAdd(T.Prefix, (turn, awaited, text) => Payload.Read<T>(awaited) is { } input ? handler(turn, input, text) : null))
            throw new InvalidOperationException($"awaited input '{T.Prefix}' already has an owner");
        return this;
    }

    /// <summary>The answer of the feature whose input the chat awaits; null when it awaits nothing, or the feature leaves the message.</summary>
    public List<Reply>? AnswerAwaited(Turn turn, string text) =>
        turn.State.AwaitingInput is { } awaited && _awaited.GetValueOrDefault(awaited.Split('|')[0]) is { } answer ? answer(turn, awaited, text) : null;

    /// <summary>Two features reading the same button data would drift apart: one owner each.</summary>
    private void Claim(string key)
    {
        if (_buttons.ContainsKey(key) || _slowButtons.ContainsKey(key))
            throw new InvalidOperationException($"button data '{key}' already has an owner");
    }

    /// <summary>The first answer of the handlers registered for the command; null when none takes it (an unknown command).</summary>
    public List<Reply>? RunCommand(Turn turn, string name, string args)
    {
        if (!_commands.TryGetValue(name, out var handlers)) return null;
        foreach (var handler in handlers)
            if (handler(turn, args) is { } replies) return replies;
        return null;
    }

    public ButtonHandler? ButtonFor(string data) => Find(_buttons, data);

    public SlowButtonHandler? SlowButtonFor(string data) => Find(_slowButtons, data);

    private static T? Find<T>(Dictionary<string, T> table, string data) where T : class =>
        table.GetValueOrDefault(data) ?? (data.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? table.GetValueOrDefault(data[..(bar + 1)]) : null);
}
