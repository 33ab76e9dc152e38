namespace ThiDua.Benchmarks.Faults;

/// <summary>What an officer sends: a text, or a press of a button (by its data) on one of the bot's messages.</summary>
internal sealed record ChatInput(string? Text, string? Button = null, int MessageId = 0)
{
    public bool IsConfirmation => Button == "f|ok";

    public static ChatInput Say(string text) => new(text);

    public static ChatInput Press(string data, int messageId) => new(null, data, messageId);
}

/// <summary>A message from the bot as the officer sees it: its text, its buttons' data, the channel's id to press them on, when it came.</summary>
internal sealed record BotMessage(string Text, IReadOnlyList<string> Buttons, int MessageId, DateTimeOffset At);
