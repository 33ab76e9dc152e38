namespace ThiDua.Core.Outbox;

/// <summary>Counts sends against each channel's limits: per second overall, per chat, per minute per group.</summary>
internal sealed class OutboxPacer
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recentByChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastByChat = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _minuteByGroup = new(StringComparer.Ordinal);

    /// <summary>Counts this send against the limits, or says it must wait.</summary>
    public bool MaySend(IOutboxSender sender, string chatId, DateTimeOffset now)
    {
        var limits = sender.Limits;
        if (!limits.Paces) return true;
        var recent = Window(_recentByChannel, sender.Channel, now, TimeSpan.FromSeconds(1));
        if (recent.Count >= limits.PerSecond) return false;
        var chat = $"{sender.Channel}:{chatId}";
        if (_lastByChat.TryGetValue(chat, out var last) && now - last < limits.PerChat) return false;
        Queue<DateTimeOffset>? group = null;
        if (limits.PerGroupPerMinute != int.MaxValue && sender.IsGroup(chatId))
        {
            group = Window(_minuteByGroup, chat, now, TimeSpan.FromMinutes(1));
            if (group.Count >= limits.PerGroupPerMinute) return false;
        }
        recent.Enqueue(now);
        group?.Enqueue(now);
        _lastByChat[chat] = now;
        return true;
    }

    private static Queue<DateTimeOffset> Window(Dictionary<string, Queue<DateTimeOffset>> windows, string key, DateTimeOffset now, TimeSpan span)
    {
        if (!windows.TryGetValue(key, out var queue)) windows[key] = queue = new Queue<DateTimeOffset>();
        while (queue.Count > 0 && now - queue.Peek() >= span) queue.Dequeue();
        return queue;
    }
}
