using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests;

/// <summary>
/// Watches a LiteDB file's write-ahead log ("bot-log.db") grow, as another process writes it: a kill can then land
/// at a point of a run (its first write, half a megabyte in) rather than after a guessed number of milliseconds.
/// </summary>
internal sealed class LogGrowth : IDisposable
{
    private readonly string _path;
    private readonly long _start;
    private readonly FileSystemWatcher _watcher;
    private readonly Signal _changed = new();

    public LogGrowth(string databasePath)
    {
        _path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_path)!, Path.GetFileName(_path)) { NotifyFilter = NotifyFilters.Size | NotifyFilters.LastWrite | NotifyFilters.FileName };
        _watcher.Changed += (_, _) => _changed.Pulse();
        _watcher.Created += (_, _) => _changed.Pulse();
        _watcher.EnableRaisingEvents = true;
        _start = Length();
    }

    /// <summary>Until the log has grown by <paramref name="bytes"/> since this began watching, or <paramref name="giveUp"/> ends first.</summary>
    public async Task WaitForAsync(long bytes, Task giveUp)
    {
        var grown = _changed.WaitUntilAsync(() => Length() - _start >= bytes, () => $"{_path} did not grow by {bytes} bytes (now {Length() - _start})", TimeSpan.FromSeconds(60));
        await Task.WhenAny(grown, giveUp);
        if (grown.IsFaulted) await grown;
    }

    private long Length()
    {
        var file = new FileInfo(_path);
        file.Refresh();
        return file.Exists ? file.Length : 0;
    }

    public void Dispose() => _watcher.Dispose();
}
