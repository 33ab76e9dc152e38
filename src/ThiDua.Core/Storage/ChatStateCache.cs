using LiteDB;

namespace ThiDua.Core.Storage;

/// <summary>
/// Per-chat context (which plan, last question) kept in memory and written to LiteDB in batches: a file write per
/// message would cost more than answering it. Losing the last second of context in a crash only means the officer
/// names the plan again; forms and nominations are written at once elsewhere. Flushed on dispose.
/// </summary>
public sealed class ChatStateCache(ILiteCollection<ChatState> collection, BotDatabase db, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(2);
    private const int FlushAtCount = 500;

    private readonly Dictionary<string, ChatState> _states = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirty = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastFlush = time.GetUtcNow();

    public ChatState Get(string key)
    {
        lock (_lock)
        {
            if (_states.TryGetValue(key, out var cached)) return cached;
            var state = collection.FindById(key) ?? new ChatState { Key = key };
            _states[key] = state;
            return state;
        }
    }

    public void Save(ChatState state)
    {
        lock (_lock)
        {
            _states[state.Key] = state;
            _dirty.Add(state.Key);
            if (_dirty.Count >= FlushAtCount || time.GetUtcNow() - _lastFlush >= FlushEvery) FlushLocked();
        }
    }

    public void Delete(string key)
    {
        lock (_lock)
        {
            _states.Remove(key);
            _dirty.Remove(key);
            collection.Delete(key);
        }
    }

    public void Flush()
    {
        lock (_lock) FlushLocked();
    }

    private void FlushLocked()
    {
        _lastFlush = time.GetUtcNow();
        if (_dirty.Count == 0) return;
        var batch = _dirty.Select(k => _states[k]).ToList();
        try
        {
            db.InTransaction(() => collection.Upsert(batch));
        }
        catch (LiteException)
        {
            // One bad record (an id over LiteDB's key limit, say) must not fail everyone's: each is saved alone, and
            // one that still fails is dropped from the cache (its chat starts afresh) instead of failing every flush.
            foreach (var state in batch)
            {
                try { collection.Upsert(state); }
                catch (LiteException) { _states.Remove(state.Key); Dropped++; }
            }
        }
        _dirty.Clear();
    }

    /// <summary>Chat states that could not be saved and were dropped (see the flush).</summary>
    public int Dropped { get; private set; }

    public void Dispose() => Flush();
}
