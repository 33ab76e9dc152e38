using LiteDB;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;

namespace ThiDua.Core.Storage;

/// <summary>One nomination's facts as the digest keeps them (<see cref="INominationFacts"/>), with repeated words shared.</summary>
public sealed record NominationFacts(
    int Id, string Code, string CodeKey, string OwnerKey, string UnitKey, string NameKey, string? ProposingUnit, string? CampaignId, string? PhaseId,
    string? AwardId, Beneficiary? Beneficiary, NominationStatus Status, DateTime CreatedAt, DateTime? SubmittedAt, bool WasSubmitted,
    IReadOnlyCollection<string> AttachedComponents) : INominationFacts;

/// <summary>
/// The facts of every stored nomination, in memory, kept current by the writes themselves: the web desk's table,
/// its totals and the quota counts read them instead of 100,000 documents at each page. Read whole the first
/// time it is asked (under the write lock, about a second for 100,000), then only the nominations written since.
/// </summary>
public sealed class NominationDigest
{
    private readonly ILiteCollection<StoredFacts> _stored;
    private readonly Lock _writeLock;
    private readonly HashSet<int> _written = [];
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private Dictionary<int, NominationFacts>? _byId;
    private NominationFacts[]? _all;

    internal NominationDigest(LiteDatabase db, string collection, OneWriterEngine engine)
    {
        // The same documents through a smaller type: the mapper skips the fields it has no property for.
        _stored = db.GetCollection<StoredFacts>(collection);
        _writeLock = engine.WriteLock;
        engine.Wrote += (written, ids) =>
        {
            if (written is not null && written != collection) return;
            _all = null;
            if (ids is null) _byId = null;
            else foreach (var id in ids) if (id.IsInt32) _written.Add(id.AsInt32);
        };
    }

    /// <summary>Every nomination stored, as committed (the write lock waits for a transaction under way to end).</summary>
    public IReadOnlyList<NominationFacts> All()
    {
        lock (_writeLock)
        {
            if (_all is { } all) return all;
            if (_byId is null)
            {
                _written.Clear();
                _words.Clear();
                _byId = _stored.FindAll().Select(Facts).ToDictionary(f => f.Id);
            }
            foreach (var id in _written)
                if (_stored.FindById(id) is { } stored) _byId[id] = Facts(stored);
                else _byId.Remove(id);
            _written.Clear();
            return _all = [.. _byId.Values];
        }
    }

    private NominationFacts Facts(StoredFacts s) => new(
        s.Id, s.Code, Text.VietnameseText.Fold(s.Code), Shared(s.OwnerKey), Shared(s.UnitKey), s.NameKey, SharedOrNull(s.ProposingUnit), SharedOrNull(s.CampaignId), SharedOrNull(s.PhaseId),
        SharedOrNull(s.AwardId), s.Beneficiary, s.Status, s.CreatedAt, s.SubmittedAt,
        s.SubmittedAt is not null || s.History.Any(h => h.To == NominationStatus.Submitted),
        s.Attachments.Count == 0 ? [] : [.. s.Attachments.Select(a => Shared(a.ComponentId))]);

    /// <summary>Units, owners, plans and award forms repeat across thousands of nominations: one string each.</summary>
    private string Shared(string word)
    {
        if (_words.TryGetValue(word, out var kept)) return kept;
        _words[word] = word;
        return word;
    }

    private string? SharedOrNull(string? word) => word is null ? null : Shared(word);

    /// <summary>The stored fields the facts are made of, by the names <see cref="Nomination"/> stores them under.</summary>
    internal sealed class StoredFacts
    {
        [BsonId] public int Id { get; set; }
        public string Code { get; set; } = "";
        public string OwnerKey { get; set; } = "";
        public string UnitKey { get; set; } = "";
        public string NameKey { get; set; } = "";
        public string? ProposingUnit { get; set; }
        public string? CampaignId { get; set; }
        public string? PhaseId { get; set; }
        public string? AwardId { get; set; }
        public Beneficiary? Beneficiary { get; set; }
        public NominationStatus Status { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime? SubmittedAt { get; set; }
        public List<Component> Attachments { get; set; } = [];
        public List<Step> History { get; set; } = [];
    }

    internal sealed class Component
    {
        public string ComponentId { get; set; } = "";
    }

    internal sealed class Step
    {
        public NominationStatus To { get; set; }
    }
}
