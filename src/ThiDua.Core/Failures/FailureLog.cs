using System.Collections.Concurrent;
using LiteDB;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Failures;

/// <summary>
/// A message the bot failed on, kept with its error so an administrator can see it and run it again (/loi): what the
/// person sent (a file's name, not its bytes), or the raw update when the channel adapter itself failed, and the
/// half-typed form or registration that was set aside so the person's next message starts clean.
/// </summary>
public sealed class FailedMessage
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>"core" when the conversation failed, the channel's name when its adapter did.</summary>
    public string Source { get; set; } = "";
    public string Channel { get; set; } = "";
    public string ChatId { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? Text { get; set; }
    public string? ButtonData { get; set; }
    public string? FileName { get; set; }
    /// <summary>The adapter's update as received (its JSON), when the adapter failed before the core saw a message.</summary>
    public string? Payload { get; set; }
    /// <summary>The exception as text (type, message, stack), secrets blanked by whoever recorded it.</summary>
    public string Error { get; set; } = "";
    /// <summary>The person's form in progress when it failed (JSON), taken out of the way.</summary>
    public string? SetAsideForm { get; set; }
    /// <summary>The person's registration in progress when it failed (JSON), taken out of the way.</summary>
    public string? SetAsideRegistration { get; set; }
    public DateTime? ReplayedAt { get; set; }
    public string? ReplayResult { get; set; }

    public string PersonKey => new IncomingMessage { Channel = Channel, ChatId = ChatId, UserId = UserId }.PersonKey;
}

/// <summary>Runs an adapter's failed update again (the channel registers one at start).</summary>
public delegate Task<string> UpdateReplay(string payload, CancellationToken cancellationToken);

/// <summary>Where failures are kept and counted; one per database, shared by the core and the channel adapters.</summary>
public sealed class FailureLog(BotDatabase db, TimeProvider time)
{
    public const int MaxTextKept = 4000;
    /// <summary>The source of a failure of the conversation core.</summary>
    public const string CoreSource = "core";
    /// <summary>The source of a plan file read in the background that threw (<see cref="Import.ImportQueue"/>).</summary>
    public const string ImportSource = "import";
    private readonly ILiteCollection<FailedMessage> _failures = db.Collection<FailedMessage>("failed_messages");
    private readonly ConcurrentDictionary<string, UpdateReplay> _replays = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _secrets = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, UpdateReplay> Replays => _replays;

    public void RegisterReplay(string channel, UpdateReplay replay) => _replays[channel] = replay;

    /// <summary>A channel adapter: its kept updates run again through <paramref name="replay"/>, its token and secrets blanked out of all that is kept.</summary>
    public void RegisterChannel(string channel, UpdateReplay replay, params string[] secrets)
    {
        RegisterReplay(channel, replay);
        foreach (var secret in secrets) RegisterSecret(secret);
    }

    /// <summary>A token or secret a channel holds: blanked out of every error and payload kept, and of <see cref="Redacted"/> text.</summary>
    public void RegisterSecret(string secret)
    {
        if (!string.IsNullOrEmpty(secret)) _secrets[secret] = true;
    }

    /// <summary>Text with every registered secret blanked out, for a log line about work that may have called a channel.</summary>
    public string Redacted(string text)
    {
        foreach (var secret in _secrets.Keys) text = text.Replace(secret, "<bí mật>", StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// Keeps a failure of the conversation core and takes the person's form and registration in progress out of
    /// the way (kept in the record, restorable), so the next message does not fail on them again.
    /// </summary>
    public FailedMessage RecordCore(IncomingMessage message, Exception error)
    {
        var failure = new FailedMessage
        {
            Source = CoreSource,
            Channel = message.Channel,
            ChatId = message.ChatId,
            UserId = message.UserId,
            Text = Bounded(message.Text),
            ButtonData = message.ButtonData,
            FileName = message.File?.FileName,
            Error = Bounded(Redacted(error.ToString()))!,
        };
        return db.InTransaction(() =>
        {
            if (db.Collection<BsonDocument>("forms").FindById(message.PersonKey) is { } form)
            {
                failure.SetAsideForm = LiteDB.JsonSerializer.Serialize(form);
                db.Forms.Delete(message.PersonKey);
            }
            var identity = AccessPolicy.KeyOf(message);
            if (db.Collection<BsonDocument>("registrations").FindById(identity) is { } registration)
            {
                failure.SetAsideRegistration = LiteDB.JsonSerializer.Serialize(registration);
                db.Registrations.Delete(identity);
            }
            Insert(failure);
            return failure;
        });
    }

    /// <summary>
    /// Keeps an update a channel adapter failed on, with its raw payload; registered secrets are blanked out of both.
    /// <paramref name="with"/> is written in the same transaction (what the failure changes where it happened).
    /// </summary>
    public FailedMessage RecordAdapter(string channel, string chatId, string payload, string error, Action? with = null)
    {
        var failure = new FailedMessage { Source = channel, Channel = channel, ChatId = chatId, Payload = Bounded(Redacted(payload), 64 * 1024), Error = Bounded(Redacted(error))! };
        db.InTransaction(() =>
        {
            with?.Invoke();
            return Insert(failure);
        });
        return failure;
    }

    /// <summary>
    /// Keeps work the core did off the conversation loop that threw (a plan file read in the background): who it was
    /// for, the file's name, and <paramref name="payload"/>, what <paramref name="source"/>'s replay needs to run it again.
    /// Inside the caller's transaction when there is one, so the failure is kept together with the work's own state.
    /// </summary>
    public FailedMessage RecordBackground(string source, IncomingMessage from, string? fileName, string payload, Exception error)
    {
        var failure = new FailedMessage
        {
            Source = source,
            Channel = from.Channel,
            ChatId = from.ChatId,
            UserId = from.UserId,
            FileName = fileName,
            Payload = payload,
            Error = Bounded(Redacted(error.ToString()))!,
        };
        db.InTransaction(() => Insert(failure));
        return failure;
    }

    private int Insert(FailedMessage failure)
    {
        failure.At = time.GetUtcNow().UtcDateTime;
        _failures.Insert(failure);
        db.Increment("failures:" + failure.Source);
        return failure.Id;
    }

    /// <summary>How many failures each source has had since the file was made (kept when old records are pruned).</summary>
    public IReadOnlyDictionary<string, int> Counts() =>
        db.Counters.Find(c => c.Name.StartsWith("failures:")).ToDictionary(c => c.Name["failures:".Length..], c => c.Value);

    public FailedMessage? Find(int id) => _failures.FindById(id);

    public IReadOnlyList<FailedMessage> Recent(int limit) =>
        _failures.Query().OrderByDescending(f => f.Id).Limit(limit).ToList();

    public void MarkReplayed(FailedMessage failure, string result)
    {
        failure.ReplayedAt = time.GetUtcNow().UtcDateTime;
        failure.ReplayResult = result;
        _failures.Update(failure);
    }

    /// <summary>Puts a set-aside form and registration back, unless the person has started new ones since.</summary>
    public bool Restore(FailedMessage failure)
    {
        var restored = false;
        db.InTransaction(() =>
        {
            if (failure.SetAsideForm is { } form && db.FormOf(failure.PersonKey) is null)
            {
                db.Collection<BsonDocument>("forms").Insert(LiteDB.JsonSerializer.Deserialize(form).AsDocument);
                failure.SetAsideForm = null;
                restored = true;
            }
            var identity = $"{failure.Channel}:{failure.UserId}";
            if (failure.SetAsideRegistration is { } registration && db.RegistrationOf(identity) is null)
            {
                db.Collection<BsonDocument>("registrations").Insert(LiteDB.JsonSerializer.Deserialize(registration).AsDocument);
                failure.SetAsideRegistration = null;
                restored = true;
            }
            _failures.Update(failure);
            return restored;
        });
        return restored;
    }

    private static string? Bounded(string? text, int max = MaxTextKept) => text is null || text.Length <= max ? text : text[..max] + "…";
}
