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

    public override void Write(char value) { lock (_lock) base.Write(value); }

    public override void Write(string? value) { lock (_lock) base.Write(value); }

    public override Task WriteAsync(string? value) { Write(value); return Task.CompletedTask; }

    public override Task WriteLineAsync(string? value) { Write(value + NewLine); return Task.CompletedTask; }

    public override Task WriteLineAsync() { Write(NewLine); return Task.CompletedTask; }

    public string Text { get { lock (_lock) return ToString(); } }

    /// <summary>Waits until the bot has written the text (polling what was written; the bot writes on its own threads).</summary>
    public async Task WaitFor(string text, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!Text.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException($"'{text}' did not appear. Output:\n{Text}");
            await Task.Delay(100);
        }
    }
}
