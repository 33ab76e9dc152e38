using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Benchmarks;

/// <summary>
/// Nomination steps against a LiteDB file holding 100,000 nominations, and /cuatoi among them. Quota warnings count a
/// campaign's nominations in LiteDB (≈ 2 µs each), so a campaign with 100,000 of its own would make a summary slow.
/// </summary>
[MemoryDiagnoser]
public class NominationBenchmarks : IDisposable
{
    private const int Stored = 100_000, Officers = 10_000;
    private string _path = "";
    private BotDatabase _db = null!;
    private ConversationEngine _engine = null!;
    private KnowledgeBase _knowledge = null!;
    private NominationStore _store = null!;
    private Campaign _campaign = null!;
    private int _step;

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"thidua-bench-{Guid.NewGuid():N}.db");
        _db = new BotDatabase(_path);
        var time = new FixedTime(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        _knowledge = new KnowledgeLoader(_db, NullLogger<KnowledgeLoader>.Instance, time).Load(DataFolder.Path);
        _engine = new ConversationEngine(new KnowledgeProvider(_knowledge), _db, new LocalClock(time), NullLogger<ConversationEngine>.Instance);
        _store = new NominationStore(_db);
        _campaign = _knowledge.Find("lao-cai-217")!;
        var now = DateTime.UtcNow;
        _db.Nominations.InsertBulk(Enumerable.Range(0, Stored).Select(i => new Nomination
        {
            Code = $"LC-2024-{i + 1:000000}",
            OwnerKey = $"bench:o{i % Officers}",
            CampaignId = _campaign.Id,
            PhaseId = "dot-1",
            Beneficiary = Beneficiary.Individual,
            AwardId = "bk-ct-tinh",
            NomineeName = $"Nguyễn Văn {i}",
            Position = "Cán bộ",
            NomineeUnit = "UBND xã X",
            Achievement = "Hoàn thành xuất sắc nhiệm vụ",
            ProposingUnit = $"Đơn vị {i % Officers}",
            CreatedAt = now,
            UpdatedAt = now,
        }));
        // Registered, confirmed officers of their units: /cuatoi and the form measure the work, not the registration prompt.
        _db.Units.InsertBulk(Enumerable.Range(0, Officers).Select(i => new Unit { Key = VietnameseText.Fold($"Đơn vị {i}"), Name = $"Đơn vị {i}", Confirmed = true })
            .Append(new Unit { Key = VietnameseText.Fold("UBND xã X"), Name = "UBND xã X", Confirmed = true }));
        _db.Officers.InsertBulk(Enumerable.Range(0, Officers).Select(i => new OfficerProfile { UserKey = $"bench:o{i}", Name = "Cán bộ Thử", Unit = $"Đơn vị {i}", UnitKey = VietnameseText.Fold($"Đơn vị {i}") })
            .Append(new OfficerProfile { UserKey = "bench:form", Name = "Cán bộ Thử", Unit = "UBND xã X", UnitKey = VietnameseText.Fold("UBND xã X") }));
        // The form is for Hải Dương (quota 34 collectives, 36 individuals); the 100,000 stored nominations are Lào Cai's.
        var form = Ask("form", "Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, Hải Dương, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ");
        if (_db.Forms.FindById("bench:form") is null) throw new InvalidOperationException("the benchmark's form did not start: " + form[0].Text);
        if (Ask("o1", "/cuatoi")[0].Text is var mine && !mine.StartsWith("Đề nghị của bạn", StringComparison.Ordinal))
            throw new InvalidOperationException("/cuatoi did not list the officer's nominations: " + mine);
    }

    private IReadOnlyList<Reply> Ask(string chat, string text) =>
        _engine.HandleAsync(new IncomingMessage { Channel = "bench", ChatId = chat, UserId = chat, Text = text }).GetAwaiter().GetResult().Replies;

    [Benchmark(Description = "Form step (edit a field, form saved to the LiteDB file)")]
    public int FormStep() => Ask("form", $"sửa chức vụ: Phó Chỉ huy trưởng {_step++ % 7}").Count;

    [Benchmark(Description = "Confirm a nomination (code, insert, sync to disk)")]
    public string SaveNomination()
    {
        var form = new NominationForm
        {
            Key = "bench:save",
            OwnerKey = "bench:saver",
            CampaignId = _campaign.Id,
            PhaseId = "dot-1",
            Beneficiary = Beneficiary.Individual,
            AwardId = "bk-ct-tinh",
            NomineeName = "Lò Văn Sinh",
            Position = "Cán bộ",
            NomineeUnit = "UBND xã Y",
            Achievement = "Hoàn thành tốt nhiệm vụ",
            ProposingUnit = "UBND xã Y",
        };
        return _store.Save(form, _campaign, DateTime.UtcNow).Code;
    }

    [Benchmark(Description = "/cuatoi with 100,000 nominations stored")]
    public int MyNominations() => Ask($"o{_step++ % Officers}", "/cuatoi")[0].Text.Length;

    [GlobalCleanup]
    public void Cleanup()
    {
        _db.Dispose();
        File.Delete(_path);
    }

    public void Dispose()
    {
        _db?.Dispose();
        GC.SuppressFinalize(this);
    }
}
