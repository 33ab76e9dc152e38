using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Core.Access;
using ThiDua.Core.Desk;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks;

/// <summary>
/// The web desk's nominations table, server side (the query and the rows; no HTML), for a reviewer of a plan whose
/// LiteDB file holds 100,000 submitted nominations from 1,000 units. Target: a filtered page in under 50 ms.
/// </summary>
[MemoryDiagnoser]
public class DeskBenchmarks : IDisposable
{
    private const int Stored = DeskNominations.Stored;
    private string _path = "";
    private BotDatabase _db = null!;
    private KnowledgeBase _knowledge = null!;
    private Actor _reviewer = null!;
    private NominationTable _table = null!;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"thidua-desk-bench-{Guid.NewGuid():N}.db");
        _db = new BotDatabase(_path);
        var time = new FixedTime(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        _knowledge = new KnowledgeLoader(_db, NullLogger<KnowledgeLoader>.Instance, time).Load(DataFolder.Path);
        var now = DateTime.UtcNow;
        _db.Nominations.InsertBulk(DeskNominations.Make(now, "bench"));
        _db.Officers.Insert(new OfficerProfile { UserKey = "bench:rev", Name = "Cán bộ thẩm định", Role = Role.Reviewer, Scopes = ["lao-cai-217"] });
        _reviewer = new AccessPolicy(_db, new AccessOptions(), NullLogger.Instance).Who("bench:rev");
        _table = new NominationTable(_db);
    }

    [Benchmark(Description = "Desk table, reviewer, one unit's nominations, first page (100,000 stored)")]
    public int OneUnit() => _table.Find(_knowledge, _reviewer, new NominationQuery { Plan = "lao-cai-217", Unit = VietnameseText.Fold("Đơn vị 7") }).Rows.Count;

    [Benchmark(Description = "Desk table, reviewer, every nomination, first page (100,000 stored)")]
    public int Everything() => _table.Find(_knowledge, _reviewer, new NominationQuery()).Rows.Count;

    public void Dispose()
    {
        _db?.Dispose();
        if (_path.Length > 0) File.Delete(_path);
        GC.SuppressFinalize(this);
    }
}
