using System.Collections.Concurrent;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>Console input typed by the test, line by line; ReadLine waits like a person would.</summary>
internal sealed class TypedInput : TextReader
{
    private readonly BlockingCollection<string?> _lines = [];

    public void Type(string? line) => _lines.Add(line);

    public override string? ReadLine() => _lines.Take();

    public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(_lines.Take(cancellationToken));

    protected override void Dispose(bool disposing)
    {
        if (disposing) _lines.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Console output the test can read while the bot writes.</summary>
internal sealed class SharedOutput : StringWriter
{
    private readonly Lock _lock = new();
    private readonly Signal _written = new();

    public override void Write(char value)
    {
        lock (_lock) base.Write(value);
        _written.Pulse();
    }

    public override void Write(string? value)
    {
        lock (_lock) base.Write(value);
        _written.Pulse();
    }

    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

    public override Task WriteLineAsync(string? value) { Write(value + NewLine); return Task.CompletedTask; }

    public override Task WriteLineAsync() { Write(NewLine); return Task.CompletedTask; }

    public string Text { get { lock (_lock) return ToString(); } }

    /// <summary>Waits until the bot has written the text (checked after each write; the bot writes on its own threads).</summary>
    public Task WaitFor(string text, TimeSpan? timeout = null) =>
        _written.WaitUntilAsync(() => Text.Contains(text, StringComparison.Ordinal), () => $"'{text}' did not appear. Output:\n{Text}", timeout);
}
