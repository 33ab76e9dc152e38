using System.Collections.Concurrent;
using LiteDB;

namespace ThiDua.Core.Storage;

/// <summary>
/// The documents of one collection last read by id (and the ids no document has), for the lookups every message
/// makes: who is writing, their registration, their form. LiteDB parses, plans and opens a snapshot for each
/// FindById (about 30 µs); a cached one is a dictionary read. Each call maps a fresh object, so a caller that
/// changes what it got cannot change what the next one gets.
/// </summary>
/// <remarks>
/// Exact, not eventually right: a write forgets the ids it wrote (<see cref="OneWriterEngine.Wrote"/>, raised under
/// the write lock), and a miss is read under that lock too, so a transaction under way on another thread is waited
/// for, never cached half-done. What is read inside a transaction (which may see its own uncommitted writes) is
/// not kept.
/// </remarks>
internal sealed class ByIdCache<T> where T : class
{
    /// <summary>A bound on memory: when reached, everything is dropped and read again as asked (a chat's user is asked many times in a row).</summary>
    public const int Capacity = 20_000;

    private readonly string _collection;
    private readonly ILiteCollection<BsonDocument> _documents;
    private readonly BsonMapper _mapper;
    private readonly Lock _writeLock;
    private readonly Func<bool> _inTransaction;
    private readonly ConcurrentDictionary<string, BsonDocument?> _read;

    public ByIdCache(LiteDatabase db, string collection, OneWriterEngine engine, Func<bool> inTransaction)
    {
        (_collection, _documents, _mapper, _writeLock, _inTransaction) = (collection, db.GetCollection(collection), db.Mapper, engine.WriteLock, inTransaction);
        // Ids match as the file's collation matches them (by default ignoring case): "Script:A" finds the document "script:a",
        // and a write of "script:a" must forget both.
        _read = new(StringComparer.Create(db.Collation.Culture, db.Collation.SortOptions));
        engine.Wrote += Forget;
    }

    public T? FindById(string id)
    {
        if (!_read.TryGetValue(id, out var document)) document = ReadCommitted(id);
        return document is null ? null : _mapper.ToObject<T>(document);
    }

    private BsonDocument? ReadCommitted(string id)
    {
        lock (_writeLock)
        {
            if (_read.TryGetValue(id, out var known)) return known;
            var document = _documents.FindById(id);
            if (!_inTransaction())
            {
                if (_read.Count >= Capacity) _read.Clear();
                _read[id] = document;
            }
            return document;
        }
    }

    private void Forget(string? collection, IReadOnlyList<BsonValue>? ids)
    {
        if (collection is not null && collection != _collection) return;
        if (collection is null || ids is null) _read.Clear();
        else
            foreach (var id in ids)
                if (id.IsString) _read.TryRemove(id.AsString, out _);
                else _read.Clear();
    }
}
