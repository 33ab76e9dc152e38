using ThiDua.Core.Outbox;
using ThiDua.Core.Conversations;
using ThiDua.Core.Reminders;

namespace ThiDua.Bot.Channels.Scripted;

/// <summary>The scripted channel's way out: messages pushed to chats are collected and written on the next output line.</summary>
public sealed class ScriptedOutboxSender : IOutboxSender
{
    private readonly List<PushedMessage> _pushed = [];
    private readonly Lock _lock = new();

    public string Channel => ScriptProtocol.Channel;

    /// <summary>Local: outcomes are saved in groups.</summary>
    public bool SavesEachOutcome => false;

    public Task<SendResult> SendAsync(PushedMessage message, CancellationToken cancellationToken)
    {
        lock (_lock) _pushed.Add(message);
        return Task.FromResult(SendResult.Sent);
    }

    public IReadOnlyList<PushedMessage> Drain()
    {
        lock (_lock)
        {
            var all = _pushed.ToList();
            _pushed.Clear();
            return all;
        }
    }
}
