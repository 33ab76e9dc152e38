using LiteDB;
using LiteDB.Engine;
using ThiDua.Core.Access;
using ThiDua.Core.Nominations;
using ThiDua.Core.Outbox;
using ThiDua.Core.Reminders;

namespace ThiDua.Core.Storage;

/// <summary>The one LiteDB file: campaigns as loaded from data/, and per-chat conversation state.</summary>
public sealed class BotDatabase : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly OneWriterEngine _engine;

    public BotDatabase(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        // LiteDB does not stop a second process from opening the same file on Linux; two writers would corrupt it.
        try
        {
            _lock = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"cơ sở dữ liệu '{full}' đang được một tiến trình ThiDua.Bot khác dùng ({ex.Message})", ex);
        }
        // Read everything once without writing, before LiteDB may fold its log into the file or an index is made:
        // a damaged file fails here, untouched, instead of being rewritten or failing on every message later.
        if (File.Exists(full) && new FileInfo(full).Length > 0)
        {
            // LiteDB silently cuts a file that is not whole pages down to whole pages: a truncated file would be cut further.
            foreach (var file in new[] { full, LogFileOf(full) })
                if (File.Exists(file) && new FileInfo(file).Length % PageSize != 0)
                    throw new IOException($"tệp '{file}' bị cắt cụt ({new FileInfo(file).Length:N0} byte, không trọn các trang {PageSize:N0} byte)");
            using (var check = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct, ReadOnly = true }))
                ReadEverything(check, fileContents: false);
            // The whole file passed through memory once: hand it back now (about 80 MB for 100,000 nominations), not at some later collection.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        var existed = File.Exists(full) && new FileInfo(full).Length > 0;
        _engine = new OneWriterEngine(() => new LiteEngine(new EngineSettings { Filename = full }), canReopen: true);
        _db = new LiteDatabase(_engine);
        _path = full;
        ExportFolder = Path.Combine(folder ?? ".", "exports");
        // A file of an older release is copied whole before anything of this one is written into it.
        if (existed && _db.UserVersion < SchemaMigrations.Current)
        {
            Directory.CreateDirectory(DatabaseBackups.FolderOf(full));
            MigrationCopy = SchemaMigrations.CopyName(full, _db.UserVersion, TimeProvider.System.GetUtcNow());
            CopyTo(MigrationCopy);
        }
        Init();
        Migrate();
    }

    /// <summary>For tests and benchmarks: a database in memory (one stream: an engine that closes cannot be opened again).</summary>
    public BotDatabase(Stream stream)
    {
        _engine = new OneWriterEngine(() => new LiteEngine(new EngineSettings { DataStream = stream }), canReopen: false);
        _db = new LiteDatabase(_engine);
        ExportFolder = Path.Combine(Path.GetTempPath(), "thidua-exports");
        Init();
        Migrate();
    }

    private void Migrate()
    {
        var from = SchemaMigrations.Run(this, _db);
        if (from < SchemaMigrations.Current && MigrationCopy is not null) MigratedFrom = from;
    }

    /// <summary>The schema version the file had when it was opened, when it was older and has now been migrated (null otherwise).</summary>
    public int? MigratedFrom { get; private set; }

    /// <summary>The whole copy kept before migrating an older file.</summary>
    public string? MigrationCopy { get; private set; }

    /// <summary>The file's schema version (<see cref="SchemaMigrations.Current"/> once opened by this program).</summary>
    public int SchemaVersion => _db.UserVersion;

    private void Init(TimeProvider? time = null)
    {
        Pseudonyms = Telemetry.ChatPseudonyms.Load(Collection<BsonDocument>("settings"));
        Campaigns = Collection<StoredCampaign>("campaigns");
        Chats = Collection<ChatState>("chats");
        ChatStates = new ChatStateCache(Chats, this, time ?? TimeProvider.System);
        Forms = Collection<NominationForm>("forms");
        SavedForms = Collection<SavedForm>("saved_forms");
        Officers = Collection<OfficerProfile>("officers");
        _officers = Cached<OfficerProfile>("officers");
        _forms = Cached<NominationForm>("forms");
        Nominations = Collection<Nomination>("nominations");
        Nominations.EnsureIndex(n => n.Code, unique: true);
        Nominations.EnsureIndex(n => n.CampaignId);
        Nominations.EnsureIndex(n => n.OwnerKey);
        Nominations.EnsureIndex(n => n.NameKey);
        Nominations.EnsureIndex(n => n.UnitKey);
        NominationFacts = new NominationDigest(_db, "nominations", _engine);
        Counters = Collection<Counter>("counters");
        // LiteDB's own file storage ("_files", "_chunks", what FileStorage is).
        Files = Storage("_files", "_chunks");
        PlanTexts = new PlanTextStore(Storage("plan_text_files", "plan_text_chunks"));
        Follows = Collection<Follow>("follows");
        Follows.EnsureIndex(f => f.CampaignId);
        Outbox = Collection<OutboxMessage>("outbox");
        // Only what the dispatcher reads is indexed: an index on Status (four values) slowed every write.
        // Files older than PendingAt are brought up to it once, by the schema's migrations.
        Outbox.EnsureIndex(m => m.PendingAt);
        ReminderRuns = Collection<ReminderRun>("reminder_runs");
        PersonalReminders = Collection<PersonalReminder>("personal_reminders");
        Units = Collection<Unit>("units");
        Invitations = Collection<Invitation>("invitations");
        Registrations = Collection<Registration>("registrations");
        _registrations = Cached<Registration>("registrations");
        JoinRequests = Collection<JoinRequest>("join_requests");
        JoinRequests.EnsureIndex(r => r.UnitKey);
        LinkRequests = Collection<LinkRequest>("link_requests");
        CodeAttempts = Collection<CodeAttempts>("code_attempts");
        PersonalReminders.EnsureIndex(r => r.FireAt);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _created = new();

    private ByIdCache<T> Cached<T>(string collection) where T : class => new(_db, collection, _engine, () => _transactionDepth > 0);

    private ByIdCache<OfficerProfile> _officers = null!;
    private ByIdCache<Registration> _registrations = null!;
    private ByIdCache<NominationForm> _forms = null!;

    /// <summary>A person's profile by their key "channel:userId" (null when none): every message asks, so it is read through a cache (<see cref="ByIdCache{T}"/>).</summary>
    public OfficerProfile? Officer(string userKey) => _officers.FindById(userKey);

    /// <summary>A person's registration in progress, read like <see cref="Officer"/>.</summary>
    public Registration? RegistrationOf(string userKey) => _registrations.FindById(userKey);

    /// <summary>The nomination form in progress in a chat ("channel:chatId"), read like <see cref="Officer"/>.</summary>
    public NominationForm? FormOf(string key) => _forms.FindById(key);

    /// <summary>
    /// LiteDB 5 makes a collection at its first write; a read of it at that moment gets a page not yet written
    /// (litedb #2792) and the engine closes. So every collection is made when the database is opened, or when a
    /// service asks for it (<see cref="Collection{T}"/>), never by a message's first write.
    /// </summary>
    private void Create(string name)
    {
        if (_created.ContainsKey(name)) return;
        lock (_engine.WriteLock)
        {
            if (!_db.CollectionExists(name)) _db.GetCollection(name).Insert(Array.Empty<BsonDocument>());
            _created[name] = true;
        }
    }

    /// <summary>
    /// LiteDB closed its engine after an error (the first exception) and the file was opened again, as a restart
    /// would; the second exception says it could not be, and every call until then fails.
    /// </summary>
    public event Action<Exception, Exception?> Reopened
    {
        add => _engine.Reopened += value;
        remove => _engine.Reopened -= value;
    }

    /// <summary>Closes LiteDB's engine as it does itself after an error it cannot go on from.</summary>
    internal void CloseEngineForTest() => _engine.CloseForTest();

    /// <summary>
    /// Runs a write as one LiteDB transaction, so a code number and its nomination are saved together or not at all.
    /// Called inside another one (a failure kept with the work it stopped), it is part of that one: LiteDB's own
    /// nested BeginTrans would commit the outer work half-way.
    /// </summary>
    public T InTransaction<T>(Func<T> work)
    {
        lock (_engine.WriteLock)
        {
            if (_transactionDepth > 0) return work();
            _db.BeginTrans();
            _transactionDepth++;
            try
            {
                var result = work();
                _db.Commit();
                return result;
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            finally
            {
                _transactionDepth--;
            }
        }
    }

    /// <summary>Transactions open on the thread holding the write lock (read and written under it only).</summary>
    private int _transactionDepth;

    /// <summary>LiteDB 5's page size: a whole file is a whole number of pages.</summary>
    private const int PageSize = 8192;

    /// <summary>LiteDB's write-ahead log beside the file ("bot-log.db" for "bot.db"): after a kill it may hold the last commits.</summary>
    public static string LogFileOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    private readonly string? _path;
    private readonly FileStream? _lock;

    /// <summary>
    /// LiteDB 5.0 commits reach the operating system (so a killed process loses nothing) but are not forced to the
    /// disk, so a power cut could drop the last ones. After a commit an officer is told about, sync the files.
    /// </summary>
    public void SyncToDisk()
    {
        if (_path is null) return;
        // Group commit: many officers confirming at once share one flush. A ticket is taken after the caller's commit,
        // so a flush that starts after reading the latest ticket covers every commit holding a ticket up to it.
        var ticket = Interlocked.Increment(ref _syncRequested);
        lock (_syncLock)
        {
            if (_syncedUpTo >= ticket) return;
            var upTo = Interlocked.Read(ref _syncRequested);
            foreach (var file in new[] { _path, LogFileOf(_path) })
            {
                if (!File.Exists(file)) continue;
                // fsync flushes the file whichever handle wrote it; .NET only syncs a handle opened for writing.
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
                stream.Flush(flushToDisk: true);
            }
            _syncedUpTo = upTo;
            if (_heldRecorded) RecordHeld();
        }
    }

    /// <summary>
    /// What the file holds now, for the next start to compare against; from the first call (once a start has accepted
    /// the file) it is recorded again after every sync and at shutdown. A mark that cannot be written only weakens that check.
    /// </summary>
    public void RecordHeld()
    {
        if (_path is null) return;
        _heldRecorded = true;
        try
        {
            DatabaseBackups.WriteHeld(_path, new HeldMark(TimeProvider.System.GetUtcNow(), Writes()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>
    /// Records deleted on purpose (an officer erasing their data, a pending upload dropped): counted in the file
    /// itself, so a start can tell records that were deleted from records that were lost with the file.
    /// </summary>
    public void CountDeleted(string what, int count)
    {
        if (count > 0) Increment("deleted:" + what, count);
    }

    /// <summary>Adds to a named counter kept in the file (created at zero); returns its new value.</summary>
    public int Increment(string name, int by = 1)
    {
        // Read and write under the writers' lock: two increments at once must not both read the old value.
        lock (_engine.WriteLock)
        {
            var counter = Counters.FindById(name) ?? new Counter { Name = name };
            counter.Value += by;
            Counters.Upsert(counter);
            return counter.Value;
        }
    }

    /// <summary>The sum of every counter in the file (codes handed out, deletions, failures): it only grows.</summary>
    public long Writes() => Counters.FindAll().Sum(c => (long)c.Value);

    public int Deleted(string what) => Counters.FindById("deleted:" + what)?.Value ?? 0;

    /// <summary>
    /// Reads every document of every collection, so damage anywhere in the file (a truncated page, flipped bytes)
    /// shows now, as one exception, and not later as an error on every message. File contents (the chunks) are read
    /// only when asked: they can be gigabytes, and each file's own SHA-256 is checked when it is served.
    /// </summary>
    /// <returns>The number of documents read.</returns>
    public long ReadEverything(bool fileContents) => ReadEverything(_db, fileContents);

    private static long ReadEverything(LiteDatabase db, bool fileContents)
    {
        long read = 0;
        foreach (var name in db.GetCollectionNames())
        {
            if (name == "_chunks" && !fileContents) continue;
            foreach (var _ in db.GetCollection(name).FindAll()) read++;
        }
        return read;
    }

    /// <summary>A whole copy of the file: the log is folded in first (a checkpoint), so the copy needs no -log file.</summary>
    public void CopyTo(string target)
    {
        if (_path is null) throw new InvalidOperationException("a database in memory has no file to copy");
        lock (_engine.WriteLock)
        {
            _db.Checkpoint();
            // While the copy is read, commits (outside this lock) must stay in the log: an automatic checkpoint
            // writing into the file half-way through would make a copy that is neither before nor after it.
            var checkpointSize = _db.CheckpointSize;
            _db.CheckpointSize = 0;
            try
            {
                File.Copy(_path, target, overwrite: false);
            }
            finally
            {
                _db.CheckpointSize = checkpointSize;
            }
        }
    }

    private readonly Lock _syncLock = new();
    private long _syncRequested;
    private long _syncedUpTo;

    /// <summary>How logs name a chat, a person or an outbox message that carries a chat id (never the raw key).</summary>
    public Telemetry.ChatPseudonyms Pseudonyms { get; private set; } = null!;

    public ILiteCollection<StoredCampaign> Campaigns { get; private set; } = null!;
    public ILiteCollection<ChatState> Chats { get; private set; } = null!;
    /// <summary>Chat context, read and written through a batching cache.</summary>
    public ChatStateCache ChatStates { get; private set; } = null!;
    public ILiteCollection<NominationForm> Forms { get; private set; } = null!;
    public ILiteCollection<SavedForm> SavedForms { get; private set; } = null!;
    public ILiteCollection<OfficerProfile> Officers { get; private set; } = null!;
    public ILiteCollection<Nomination> Nominations { get; private set; } = null!;
    /// <summary>What lists, totals and quota counts need of every nomination, kept in memory by the writes (<see cref="NominationDigest"/>).</summary>
    public NominationDigest NominationFacts { get; private set; } = null!;
    /// <summary>The nominations behind facts, read whole; one deleted since the facts were taken is left out.</summary>
    public IEnumerable<Nomination> Whole(IEnumerable<INominationFacts> facts) => facts.Select(f => Nominations.FindById(f.Id)).OfType<Nomination>();
    public ILiteCollection<Counter> Counters { get; private set; } = null!;
    public ILiteCollection<Follow> Follows { get; private set; } = null!;
    public ILiteCollection<OutboxMessage> Outbox { get; private set; } = null!;
    public ILiteCollection<ReminderRun> ReminderRuns { get; private set; } = null!;
    public ILiteCollection<PersonalReminder> PersonalReminders { get; private set; } = null!;
    public ILiteCollection<Unit> Units { get; private set; } = null!;
    public ILiteCollection<Invitation> Invitations { get; private set; } = null!;
    public ILiteCollection<Registration> Registrations { get; private set; } = null!;
    public ILiteCollection<JoinRequest> JoinRequests { get; private set; } = null!;
    public ILiteCollection<LinkRequest> LinkRequests { get; private set; } = null!;
    public ILiteCollection<CodeAttempts> CodeAttempts { get; private set; } = null!;

    /// <summary>A service's own collection (received updates, button data), in the same file and transactions; ask for it when the service is made.</summary>
    public ILiteCollection<T> Collection<T>(string name)
    {
        Create(name);
        return _db.GetCollection<T>(name);
    }

    /// <summary>A service's own file storage (its files and chunks collections), made like <see cref="Collection{T}"/>; ask for it when the service is made.</summary>
    public ILiteStorage<string> Storage(string files, string chunks)
    {
        Create(files);
        Create(chunks);
        return _db.GetStorage<string>(files, chunks);
    }

    /// <summary>Where spreadsheets made for officers are written before they are sent.</summary>
    public string ExportFolder { get; }

    /// <summary>Dossier files attached to nominations.</summary>
    public ILiteStorage<string> Files { get; private set; } = null!;

    /// <summary>Imported plans' texts, the long ones in file storage.</summary>
    public PlanTextStore PlanTexts { get; private set; } = null!;

    private bool _heldRecorded;

    public void Dispose()
    {
        ChatStates.Dispose();
        if (_heldRecorded) RecordHeld();
        _db.Dispose();
        _lock?.Dispose();
    }
}

/// <summary>A campaign as last loaded: its JSON and a hash, so a changed file updates it and nothing else.</summary>
public sealed class StoredCampaign
{
    [BsonId] public string Id { get; set; } = "";
    public string Hash { get; set; } = "";
    public string Json { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary>The plan's text, for campaigns published from an import (they have no file in data/); read it through <see cref="BotDatabase.PlanTexts"/>.</summary>
    public string? PlanText { get; set; }
    /// <summary>Where a long text is kept instead (<see cref="PlanTextStore"/>); null when it is inline.</summary>
    public string? PlanTextFile { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A named sequence (nomination codes per campaign and year).</summary>
public sealed class Counter
{
    [BsonId] public string Name { get; set; } = "";
    public int Value { get; set; }
}

/// <summary>What a chat is talking about, so follow-ups ("còn cá nhân thì sao?") keep their context.</summary>
public sealed class ChatState
{
    /// <summary>"channel:chatId".</summary>
    [BsonId] public string Key { get; set; } = "";
    public string? CampaignId { get; set; }
    public string? LastKind { get; set; }
    public int? PhaseNumber { get; set; }
    public string? Beneficiary { get; set; }
    /// <summary>
    /// The words of the question last answered, beyond its cues ("mỗi xã, phường … bằng khen"), so that a follow-up
    /// naming only who or which phase ("còn cá nhân thì sao?") is about the same thing.
    /// </summary>
    public string? LastTopic { get; set; }
    /// <summary>A question waiting for the officer to pick a plan.</summary>
    public string? PendingKind { get; set; }
    /// <summary>The words of that question, so the answer after the pick still knows what was asked.</summary>
    public string? PendingText { get; set; }
    /// <summary>The nomination the officer last saved or opened: where a file sent next is attached.</summary>
    public int? CurrentNominationId { get; set; }
    /// <summary>A reviewer's typed input the bot waits for: "return|12" (the reason), "decide|12" (decision number and date).</summary>
    public string? AwaitingInput { get; set; }
    public DateTime UpdatedAt { get; set; }
}
