using ThiDua.Core.Conversations;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// A download's destination that refuses to grow past a limit: the size Telegram declares is not trusted, so a
/// file that keeps coming stops the download once it passes the limit instead of filling memory.
/// </summary>
internal sealed class CappedBuffer(long limit) : MemoryStream
{
    public bool Exceeded { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Check(int count)
    {
        if (Length + count <= limit) return;
        Exceeded = true;
        throw new FileTooLargeException(limit);
    }
}
