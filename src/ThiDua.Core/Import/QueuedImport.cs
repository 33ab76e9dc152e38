using LiteDB;
using ThiDua.Core.Conversations;

namespace ThiDua.Core.Import;

public enum ImportState { Waiting, Done, Failed }

/// <summary>
/// A plan file waiting to be read in the background, kept in the database so a restart neither loses it nor reads
/// it twice: it is stored with its acknowledgement, and marked done with its draft and outcome, each in one transaction.
/// </summary>
public sealed class QueuedImport
{
    /// <summary>"import:&lt;channel&gt;:&lt;chat&gt;:&lt;message id&gt;", so a message the platform delivers again finds its job (random when the channel gives no id).</summary>
    [BsonId] public string Key { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>Whose draft it becomes (the reviewer's access key).</summary>
    public string OwnerKey { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>The channel's handle to fetch the file again (<see cref="IncomingFile.Reference"/>) until a copy is stored.</summary>
    public string? Reference { get; set; }
    /// <summary>The copy in the import file storage, once fetched; removed when the job is done.</summary>
    public string? StoredFileId { get; set; }
    public ImportState State { get; set; }
    /// <summary>1 for the first read, one more for each run again from /loi: each attempt's outcome has its own outbox key.</summary>
    public int Attempt { get; set; } = 1;
    /// <summary>The failure kept in /loi when the last attempt threw.</summary>
    public int? FailureId { get; set; }
    public long Sequence { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DoneAt { get; set; }

    /// <summary>The message as far as replies need it (whose buttons, which chat).</summary>
    public IncomingMessage From => new() { Channel = Channel, ChatId = ChatId, UserId = UserId };
}

/// <summary>How a channel fetches a file again by its <see cref="IncomingFile.Reference"/> (after a restart, or to run a failed read again).</summary>
public sealed record ImportFileSource(string Channel, Func<string, CancellationToken, Task<Stream>> Fetch);
