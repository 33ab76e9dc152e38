namespace ThiDua.Core.Conversations;

/// <summary>A command run by a button ("cmd|help", "cmd|cuatoi"): open to everyone in a group chat, like typing it.</summary>
public sealed record CommandPress(string Command) : ButtonPayload, IPayloadFamily<CommandPress>
{
    public static string Prefix => "cmd";

    public static CommandPress Help { get; } = new("help");

    /// <summary>One's own nominations (/cuatoi).</summary>
    public static CommandPress OwnNominations { get; } = new("cuatoi");

    public override string Data => Write(Prefix, Command);

    public static CommandPress? FromFields(string[] fields) => fields is [var command] ? new CommandPress(command) : null;
}
