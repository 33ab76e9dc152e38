using System.Text;

namespace ThiDua.Bot.Channels.Scripted;

/// <summary>
/// Lines of at most a given length, read without holding more than that: a longer line is read to its end and
/// dropped, and only its length is reported. Only '\n' ends a line (a '\r' before it is dropped), so a bare CR
/// inside a JSON line is part of that line, as JSON Lines says.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLength)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private int _start, _end;

    /// <returns>The line, or null at the end of input; <c>TooLong</c> is the length of a line that was dropped.</returns>
    public async ValueTask<(string? Line, long TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        long length = 0;
        var read = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
                if (_end == 0) return read ? Finish() : (null, 0);
            }
            read = true;
            var newline = Array.IndexOf(_buffer, '\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            if (length + (stop - _start) <= maxLength) line.Append(_buffer, _start, stop - _start);
            length += stop - _start;
            _start = newline < 0 ? _end : newline + 1;
            if (newline >= 0) return Finish();
        }

        (string?, long) Finish()
        {
            if (line.Length > 0 && line[^1] == '\r') { line.Length--; length--; }
            return length > maxLength ? ("", length) : (line.ToString(), 0);
        }
    }
}
