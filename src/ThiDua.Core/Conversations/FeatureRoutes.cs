namespace ThiDua.Core.Conversations;

/// <summary>A feature's part of the conversation: it registers its commands and buttons once, when the engine is made.</summary>
public interface IFeature
{
    void Register(FeatureRoutes routes, FeatureContext context);
}

/// <summary>Answers a command ("/hoso lào cai" → args "lào cai"); null when this handler leaves it to the next one registered for the name.</summary>
public delegate List<Reply>? CommandHandler(Turn turn, string args);

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
