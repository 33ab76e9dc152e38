using LiteDB;
using LiteDB.Engine;

namespace ThiDua.Core.Storage;

/// <summary>
/// LiteDB's engine with one writer at a time, opened again if it closes itself.
/// LiteDB 5 lets transactions on different collections write at once, but they share the header page without a
/// lock (litedb #2503, #2891): under load a write fails with "page type must be collection page" and the engine
/// closes, so every later message would fail until a restart. Writes here take one lock (re-entered by
/// <see cref="BotDatabase.InTransaction{T}"/>); reads stay concurrent. When the engine has closed anyway (a disk
/// error, a failed check of its own), the next call opens the file again, as a restart would, and tells the host.
/// </summary>
internal sealed class OneWriterEngine(Func<LiteEngine> open, bool canReopen) : ILiteEngine
{
    private LiteEngine _engine = open();
    private int _generation;

    /// <summary>Held by every write, and by a whole explicit transaction; it can be entered again by its holder.</summary>
    public Lock WriteLock { get; } = new();

    /// <summary>The engine closed itself (the exception) and was opened again; or could not be (the second exception).</summary>
    public event Action<Exception, Exception?>? Reopened;

    /// <summary>
    /// Raised after each write, under <see cref="WriteLock"/>: the collection and the ids of the documents written,
    /// or null ids when the write does not say which (a predicate, a rebuild), and a null collection when any
    /// collection may have changed (a rollback, an engine opened again). For what keeps a digest of a collection.
    /// </summary>
    public event Action<string?, IReadOnlyList<BsonValue>?>? Wrote;

    /// <summary>Closes the engine as LiteDB does after an error it cannot go on from: for tests of what follows.</summary>
    internal void CloseForTest() => _engine.Dispose();

    private T Read<T>(Func<LiteEngine, T> call)
    {
        var (engine, generation) = (_engine, _generation);
        try
        {
            return call(engine);
        }
        catch (Exception ex) when (Closes(ex))
        {
            Reopen(generation, ex);
            throw;
        }
    }

    private T Write<T>(Func<LiteEngine, T> call)
    {
        lock (WriteLock) return Read(call);
    }

    private T Write<T>(string? collection, Func<LiteEngine, T> call)
    {
        lock (WriteLock)
        {
            try
            {
                return Read(call);
            }
            finally
            {
                Wrote?.Invoke(collection, null);
            }
        }
    }

    /// <summary>A write of these documents, or ids: each id is taken as the engine reads it (it gives new documents theirs).</summary>
    private int Write<TItem>(string collection, IEnumerable<TItem> items, Func<TItem, BsonValue> id, Func<LiteEngine, IEnumerable<TItem>, int> call)
    {
        var written = new List<TItem>();
        lock (WriteLock)
        {
            try
            {
                return Read(e => call(e, items.Select(i => { written.Add(i); return i; })));
            }
            finally
            {
                Wrote?.Invoke(collection, [.. written.Select(id)]);
            }
        }
    }

    /// <summary>What LiteDB throws once its engine is closed, and what makes it close (EngineState.Handle).</summary>
    private static bool Closes(Exception ex) =>
        ex is IOException or ObjectDisposedException
        || ex is LiteException { ErrorCode: LiteException.ENGINE_DISPOSED or LiteException.INVALID_DATAFILE_STATE };

    private void Reopen(int failedGeneration, Exception cause)
    {
        if (!canReopen) return;
        Exception? failed = null;
        lock (WriteLock)
        {
            // Many calls fail on the same closed engine: the first one reopens it.
            if (failedGeneration != _generation) return;
            try
            {
                _engine.Dispose();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException) { }
            try
            {
                _engine = open();
                _generation++;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failed = ex;
            }
        }
        lock (WriteLock) Wrote?.Invoke(null, null);
        Reopened?.Invoke(cause, failed);
    }

    public IBsonDataReader Query(string collection, Query query)
    {
        var generation = _generation;
        return new ReopeningReader(Read(e => e.Query(collection, query)), ex => Reopen(generation, ex));
    }

    public int Checkpoint() => Write(e => e.Checkpoint());
    public long Rebuild(RebuildOptions options) => Write(null, e => e.Rebuild(options));
    public bool BeginTrans() => Read(e => e.BeginTrans());
    public bool Commit() => Write(e => e.Commit());
    public bool Rollback() => Write(null, e => e.Rollback());
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(collection, docs, d => d["_id"], (e, d) => e.Insert(collection, d, autoId));
    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(collection, docs, d => d["_id"], (e, d) => e.Update(collection, d));
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(collection, e => e.UpdateMany(collection, transform, predicate));
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(collection, docs, d => d["_id"], (e, d) => e.Upsert(collection, d, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(collection, ids, i => i, (e, i) => e.Delete(collection, i));

    public int DeleteMany(string collection, BsonExpression predicate) => Write(collection, e => e.DeleteMany(collection, predicate));
    public bool DropCollection(string name) => Write(name, e => e.DropCollection(name));
    public bool RenameCollection(string name, string newName) => Write(null, e => e.RenameCollection(name, newName));
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Write(e => e.EnsureIndex(collection, name, expression, unique));
    public bool DropIndex(string collection, string name) => Write(e => e.DropIndex(collection, name));
    public BsonValue Pragma(string name) => Read(e => e.Pragma(name));
    public bool Pragma(string name, BsonValue value) => Write(e => e.Pragma(name, value));

    public void Dispose() => _engine.Dispose();

    /// <summary>A query's results are read lazily: a closed engine shows while reading them, not when the query is made.</summary>
    private sealed class ReopeningReader(IBsonDataReader inner, Action<Exception> closed) : IBsonDataReader
    {
        public BsonValue this[string field] => inner[field];
        public string Collection => inner.Collection;
        public BsonValue Current => inner.Current;
        public bool HasValues => inner.HasValues;

        public bool Read()
        {
            try
            {
                return inner.Read();
            }
            catch (Exception ex) when (Closes(ex))
            {
                closed(ex);
                throw;
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
