using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Questions;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;
using ThiDua.Core.Time;

namespace ThiDua.Core.Import;

public sealed class StoredDraft
{
    [BsonId] public string Id { get; set; } = "";
    public string OwnerKey { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Json { get; set; } = "";
    /// <summary>The plan's text when short; a long one is in file storage under <see cref="PlanTextFile"/>.</summary>
    public string? PlanText { get; set; }
    public string? PlanTextFile { get; set; }
    public List<string> Flags { get; set; } = [];
    public DraftStep Step { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A reviewer puts a new plan into the bot from chat (/nhapkehoach, then the file): the draft is shown field by
/// field with what the importer was unsure of; each is confirmed (Đúng) or corrected by typing; nothing answers
/// questions until the reviewer presses Công bố. Published plans live in LiteDB and answer at once.
/// </summary>
/// <param name="queue">Where files are read off the conversation loop (channels serving many chats at once); without it a file is read in the turn, within the same limits.</param>
public sealed partial class ImportDesk(BotDatabase db, LocalClock clock, KnowledgeProvider knowledge, AccessPolicy access, ImportOptions? limits = null, ImportQueue? queue = null)
{
    private readonly ImportOptions _limits = limits ?? new ImportOptions();
    private const string OnlyReviewers = "Chỉ cán bộ thẩm định (Ban Thi đua – Khen thưởng) hoặc quản trị viên mới nhập được kế hoạch mới.";
    private readonly ILiteCollection<StoredDraft> _drafts = db.Collection<StoredDraft>("import_drafts");
    private readonly PlanDrafts _reader = new(db, clock, knowledge, limits ?? new ImportOptions());
    private readonly PageAlbum _album = new(db, limits ?? new ImportOptions());

    public static int StepCount => DraftSteps.ToCheck;

    [GeneratedRegex(@"(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})")]
    private static partial Regex FullDate();

    public Reply Start(Actor actor, ChatState state)
    {
        if (!actor.IsReviewer) return access.Refuse(actor, "/nhapkehoach", OnlyReviewers);
        state.AwaitingInput = PlanFileAwaited.Instance.Data;
        return new Reply("Gửi tệp kế hoạch (.docx, .pdf, .txt; bản quét PDF cũng được, tôi đọc bằng OCR). Ảnh chụp thì gửi lần lượt từng trang, đủ rồi bấm “Đọc”. Tôi soạn bản nháp, bạn kiểm tra từng mục rồi mới công bố.");
    }

    /// <returns>The draft or the refusal; none when the file is read in the background (both its acknowledgement and its outcome come through the outbox).</returns>
    public async Task<IReadOnlyList<Reply>> ReceiveAsync(Actor actor, ChatState state, IncomingMessage message, IncomingFile file, CancellationToken ct)
    {
        state.AwaitingInput = null;
        if (!actor.IsReviewer) return [access.Refuse(actor, "import-file", OnlyReviewers)];
        if (file.Length > PlanFileReader.MaxBytes) return [new Reply("Tệp lớn quá (tối đa 20 MB). Kế hoạch thường dưới 1 MB: gửi bản .docx hoặc .pdf xuất từ Word.")];
        if (queue is null) return [await DraftAsync(actor, file, ct)];
        // A photo is one page of a plan: kept until the officer says all its pages are in (a plan is seldom one page).
        if (Ocr.ScanReader.IsImage(file.FileName)) return [await AddPageAsync(actor, state, file, ct)];
        // A bundle of photos is read by OCR, within its own limit; a scanned PDF says so once its pages are counted.
        var limit = Ocr.PageBundle.IsBundle(file.FileName) ? _limits.MaxScanSeconds : _limits.MaxSeconds;
        var reading = new Reply($"Đang đọc tệp “{file.FileName}”… Tôi gửi bản nháp ngay khi đọc xong (tối đa {limit} giây); trong lúc chờ, bạn vẫn hỏi được.");
        return queue.TryEnqueue(message, actor.Key, file, reading)
            ? []
            : [new Reply("Đang đọc nhiều tệp kế hoạch khác; bạn gửi lại tệp này sau ít phút nhé. Không có gì thay đổi.")];
    }

    private async Task<Reply> AddPageAsync(Actor actor, ChatState state, IncomingFile file, CancellationToken ct)
    {
        var (page, refused) = await _album.AddAsync(actor.Key, file, ct);
        // The next photo is a page of the same plan, whatever was typed in between.
        state.AwaitingInput = PlanFileAwaited.Instance.Data;
        var count = page > 0 ? page : _album.Count(actor.Key);
        var text = refused ?? $"Đã nhận ảnh trang {page} (“{file.FileName}”). Gửi tiếp ảnh các trang sau theo thứ tự; đủ rồi thì bấm “Đọc {page} trang”.";
        return new Reply(text) { Buttons = AlbumButtons(count) };
    }

    private static IReadOnlyList<IReadOnlyList<Button>> AlbumButtons(int pages) =>
        pages == 0 ? [] : [[new AlbumPress(AlbumAction.Read).Button($"Đọc {pages} trang"), new AlbumPress(AlbumAction.Drop).Button("Bỏ các ảnh")]];

    /// <summary>The photos sent so far read together as one plan, in the background like any file; or dropped.</summary>
    /// <returns>None once the photos are queued: the acknowledgement and the draft come through the outbox.</returns>
    public IReadOnlyList<Reply> ReadAlbum(Actor actor, ChatState state, IncomingMessage message, AlbumPress? press) =>
        AlbumOutcome(actor, state, message, press) is { } reply ? [reply] : [];

    private Reply? AlbumOutcome(Actor actor, ChatState state, IncomingMessage message, AlbumPress? press)
    {
        var data = press?.Data ?? "nút ảnh trang không đọc được";
        if (!actor.IsReviewer) return access.Refuse(actor, data, OnlyReviewers);
        var count = _album.Count(actor.Key);
        if (press is null || count == 0) return new Reply("Chưa có ảnh trang nào đang chờ. Gõ /nhapkehoach rồi gửi ảnh từng trang, hoặc tệp PDF.");
        state.AwaitingInput = null;
        if (press.Action == AlbumAction.Drop) return new Reply($"Đã bỏ {_album.Drop(actor.Key)} ảnh trang. Không có gì được nhập.");
        if (queue is null) return new Reply("Bot này không đọc được ảnh trong lúc trò chuyện; gửi kế hoạch dạng PDF.");
        var pages = _album.Pages(actor.Key);
        var bundle = Ocr.PageBundle.Write(pages).ToArray();
        var reading = new Reply($"Đang đọc {pages.Count} ảnh trang bằng OCR… Tôi gửi bản nháp ngay khi đọc xong (tối đa {_limits.MaxScanSeconds} giây); trong lúc chờ, bạn vẫn hỏi được.");
        if (!queue.TryEnqueueKept(message, actor.Key, $"anh-chup-{pages.Count}-trang{Ocr.PageBundle.Extension}", bundle, reading))
            return new Reply("Đang đọc nhiều tệp kế hoạch khác; bạn bấm lại sau ít phút nhé. Các ảnh vẫn được giữ.") { Buttons = AlbumButtons(count) };
        // The queued job holds the bundle in the database (a restart reads it); the photos are no longer needed here.
        _album.Drop(actor.Key);
        return null;
    }

    /// <summary>Reads the file within the limits and stores its draft; a file that cannot be read gets its reason, and nothing changes.</summary>
    public Task<Reply> DraftAsync(Actor actor, IncomingFile file, CancellationToken ct) => _reader.DraftAsync(actor.Key, file, ct);

    /// <param name="press">Null for data no draft button writes (stale or forged).</param>
    public Reply Press(KnowledgeBase kb, Actor actor, ChatState state, ImportPress? press)
    {
        var data = press?.Data ?? "nút bản nháp không đọc được";
        if (!actor.IsReviewer) return access.Refuse(actor, data, OnlyReviewers);
        if (press is null || _drafts.FindById(press.DraftId) is not { } draft || draft.OwnerKey != actor.Key)
            return access.Refuse(actor, data, "Bản nháp này không còn, hoặc không phải của bạn. Gõ /nhapkehoach để nhập lại.");
        switch (press.Action)
        {
            case DraftAction.Ok:
                if (draft.Step < DraftStep.Checked) draft.Step++;
                _drafts.Update(draft);
                return Card(draft, "");
            case DraftAction.Edit when draft.Step < DraftStep.Checked:
                state.AwaitingInput = new DraftValue(draft.Id).Data;
                return new Reply($"Gõ giá trị đúng cho “{draft.Step.Title()}”. {draft.Step.Hint()}");
            case DraftAction.Pub when draft.Step >= DraftStep.Checked:
                return Publish(kb, draft);
            case DraftAction.Del:
                db.InTransaction(() =>
                {
                    db.PlanTexts.Delete(draft.PlanTextFile);
                    return _drafts.Delete(draft.Id);
                });
                return new Reply("Đã bỏ bản nháp. Không có gì được công bố.");
            default:
                return Card(draft, "");
        }
    }

    /// <summary>A correction typed for the current field.</summary>
    public Reply Edit(Actor actor, ChatState state, DraftValue awaited, string text)
    {
        state.AwaitingInput = null;
        if (_drafts.FindById(awaited.DraftId) is not { } draft || draft.OwnerKey != actor.Key) return new Reply("Bản nháp này không còn. Gõ /nhapkehoach để nhập lại.");
        var c = JsonSerializer.Deserialize<Campaign>(draft.Json, KnowledgeJson.Options)!;
        var (updated, problem) = Apply(c, draft.Step, text.Trim());
        if (problem is not null)
        {
            state.AwaitingInput = new DraftValue(draft.Id).Data;
            return new Reply($"{problem} {draft.Step.Hint()}");
        }
        draft.Json = JsonSerializer.Serialize(updated, KnowledgeJson.Options);
        draft.Flags.RemoveAll(f => IsFor(f, draft.Step));
        _drafts.Update(draft);
        return Card(draft, "Đã sửa.");
    }

    private Reply Publish(KnowledgeBase kb, StoredDraft draft)
    {
        var c = JsonSerializer.Deserialize<Campaign>(draft.Json, KnowledgeJson.Options)!;
        // A plan already loaded keeps its id; the new one gets a distinct id rather than replacing it silently.
        var id = c.Id;
        for (var n = 2; kb.Find(id) is not null || db.Campaigns.FindById(id) is not null; n++) id = $"{c.Id[..Math.Min(c.Id.Length, 21)]}-{n}";
        c = PlanFiles.Named(c, id);
        var problems = CampaignValidator.Validate(c, draft.FileName);
        if (problems.Count > 0)
            return new Reply("Chưa công bố được, bản nháp còn lỗi:\n" + string.Join('\n', problems.Take(5).Select(p => $"• {p.Field}: {p.Problem}")))
            {
                Buttons = [[new ImportPress(DraftAction.Del, draft.Id).Button("Bỏ bản nháp")]],
            };
        var json = JsonSerializer.Serialize(c, KnowledgeJson.Options);
        var text = db.PlanTexts.Get(draft.PlanText, draft.PlanTextFile) ?? "";
        db.InTransaction(() =>
        {
            var (inline, file) = db.PlanTexts.Put($"campaign/{c.Id}", text);
            db.Campaigns.Insert(new StoredCampaign
            {
                Id = c.Id,
                Json = json,
                Source = $"import:{draft.FileName}",
                PlanText = inline,
                PlanTextFile = file,
                UpdatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime,
                Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            });
            db.PlanTexts.Delete(draft.PlanTextFile);
            return _drafts.Delete(draft.Id);
        });
        db.SyncToDisk();
        knowledge.Replace(kb.With(c, text));
        return new Reply($"✅ Đã công bố kế hoạch {c.ShortName} ({KnowledgeBase.PlanName(c)}), mã {c.Id}. Từ giờ bot trả lời về kế hoạch này, nhắc hạn và nhận đề nghị khen thưởng.")
        {
            Buttons = [[QuestionPress.Ask("Các hạn", Questions.QuestionKind.Deadlines, c), QuestionPress.Ask("Hồ sơ", Questions.QuestionKind.Dossier, c)]],
        };
    }

    /// <summary>The reviewer's newest draft still being checked: its card, and the plan's text to read it against (the web desk shows both).</summary>
    public (Reply Card, string PlanText, string FileName)? Open(Actor actor)
    {
        if (!actor.IsReviewer) return null;
        var key = actor.Key;
        var draft = _drafts.Find(d => d.OwnerKey == key).OrderByDescending(d => d.CreatedAt).FirstOrDefault();
        return draft is null ? null : (Card(draft, ""), db.PlanTexts.Get(draft.PlanText, draft.PlanTextFile) ?? "", draft.FileName);
    }

    internal static Reply Card(StoredDraft draft, string intro)
    {
        var c = JsonSerializer.Deserialize<Campaign>(draft.Json, KnowledgeJson.Options)!;
        if (draft.Step >= DraftStep.Checked)
            return new Reply($"{intro}\nĐã kiểm tra đủ {DraftSteps.ToCheck} mục của {c.ShortName}. Công bố để bot dùng kế hoạch này?".Trim())
            {
                Buttons = [[new ImportPress(DraftAction.Pub, draft.Id).Button("Công bố"), new ImportPress(DraftAction.Del, draft.Id).Button("Bỏ bản nháp")]],
            };
        var flags = draft.Flags.Where(f => IsFor(f, draft.Step)).Select(f => "⚠ " + f[(f.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        var text = $"{intro}\n({(int)draft.Step + 1}/{DraftSteps.ToCheck}) {draft.Step.Title()}:\n{Describe(c, draft.Step)}\n{string.Join('\n', flags)}".Trim();
        return new Reply(text) { Buttons = [[new ImportPress(DraftAction.Ok, draft.Id).Button("Đúng"), new ImportPress(DraftAction.Edit, draft.Id).Button("Sửa")], [new ImportPress(DraftAction.Del, draft.Id).Button("Bỏ bản nháp")]] };
    }

    private static string Describe(Campaign c, DraftStep step) => step switch
    {
        DraftStep.Document => $"Số: {c.Document.Number ?? "(chưa có số)"}; ngày: {(c.Document.IssuedOn is { } d ? VietnameseDates.Format(d) : c.Document.IssuedMonth ?? c.Document.IssuedYear?.ToString(CultureInfo.InvariantCulture) ?? "?")}",
        DraftStep.Issuer => $"{c.Document.Issuer} — cấp {Level(c.Level)} — {string.Join(", ", new[] { c.Area.Commune, c.Area.District, c.Area.Province }.Where(x => x is not null))}",
        DraftStep.ShortName => $"{c.ShortName} (mã {c.Id}, mã hồ sơ {c.CodePrefix})",
        DraftStep.Period => $"{VietnameseDates.Format(c.Period.Start)} – {VietnameseDates.Format(c.Period.End)}{Said(c.Period.Wording, c.Period.EndEstimatedFrom)}"
            + string.Concat(c.Phases.Select(p => $"\n• {p.Name}: {VietnameseDates.Format(p.Start)} – {VietnameseDates.Format(p.End)}{Said(p.Wording, p.EndEstimatedFrom)}{(p.Theme is null ? "" : $", chủ đề “{p.Theme}”")}")),
        DraftStep.Awards => c.Awards.Count == 0 ? "(không có)" : string.Join('\n', c.Awards.Select((a, i) => $"{i + 1}. {a.Name}")),
        DraftStep.Dossier => c.Dossier is null ? "(kế hoạch không nêu: dùng hồ sơ chung theo luật)" : string.Join('\n', c.Dossier.Components.Select((x, i) => $"{i + 1}. {x.Name}")),
        _ => c.Deadlines.Count == 0 ? "(không có)" : string.Join('\n', c.Deadlines.Take(12).Select((x, i) => $"{i + 1}. {VietnameseDates.Format(x.DueDate)} — {TextFit.Shorten(x.Title, 70)}")) + (c.Deadlines.Count > 12 ? $"\n… và {c.Deadlines.Count - 12} mốc nữa" : ""),
    };

    private static bool IsFor(string flag, DraftStep step) => step.Fields().Any(f => flag.StartsWith(f, StringComparison.Ordinal));

    /// <summary>" (kế hoạch ghi: từ tháng 10/2025 đến khi …; ngày kết thúc ước tính: …)" when the dates are not the plan's own two.</summary>
    private static string Said(string? wording, string? estimatedFrom) =>
        wording is null && estimatedFrom is null ? ""
        : $" ({string.Join("; ", new[] { wording is null ? null : $"kế hoạch ghi: {wording}", estimatedFrom is null ? null : $"ngày kết thúc ước tính, {estimatedFrom}" }.OfType<string>())})";

    /// <summary>Applies a typed correction; returns why it cannot be read otherwise.</summary>
    private static (Campaign, string?) Apply(Campaign c, DraftStep step, string text)
    {
        var dates = FullDate().Matches(text).Select(m => DateOnly.TryParseExact(m.Value, "d/M/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null).OfType<DateOnly>().ToList();
        switch (step)
        {
            case DraftStep.Document:
                var number = Regex.Match(text, @"\d+/[A-ZĐ][A-ZĐ0-9\-]*");
                return number.Success || dates.Count > 0
                    ? (c with { Document = c.Document with { Number = number.Success ? number.Value : c.Document.Number, IssuedOn = dates.Count > 0 ? dates[0] : c.Document.IssuedOn } }, null)
                    : (c, "Chưa đọc được số hoặc ngày.");
            case DraftStep.Issuer:
                var authority = Regex.Match(text, @"(?<kind>tỉnh|thành phố|quận|huyện|thị xã|phường|xã|thị trấn)\s+(?<name>.+)$", RegexOptions.IgnoreCase);
                if (!authority.Success) return (c, "Ghi rõ cấp và tên, ví dụ “UBND tỉnh Lào Cai”.");
                var kind = VietnameseText.Fold(authority.Groups["kind"].Value);
                var name = authority.Groups["name"].Value.Trim();
                var level = kind is "tinh" or "thanh pho" ? AdministrativeLevel.Province : kind is "quan" or "huyen" or "thi xa" ? AdministrativeLevel.District : AdministrativeLevel.Commune;
                var area = level switch
                {
                    AdministrativeLevel.Province => c.Area with { Province = name, District = null, Commune = null },
                    AdministrativeLevel.District => c.Area with { District = name, Commune = null },
                    _ => c.Area with { Commune = name },
                };
                return (c with { Level = level, Area = area, Document = c.Document with { Issuer = text } }, null);
            case DraftStep.ShortName:
                return text.Length is >= 3 and <= 80 ? (c with { ShortName = text }, null) : (c, "Tên ngắn cần 3–80 ký tự.");
            case DraftStep.Period:
                return dates.Count >= 2 && dates[0] <= dates[1]
                    ? (c with { Period = c.Period with { Start = dates[0], End = dates[1] } }, null)
                    : (c, "Cần ngày bắt đầu và ngày kết thúc.");
            case DraftStep.Awards:
                var awards = Items(text);
                return awards.Count == 0 ? (c, "Chưa có hình thức nào.") : (c with
                {
                    Awards = [.. awards.Select((a, i) => new AwardForm { Id = $"ht-{i + 1}", Name = a, DecidedBy = a.Contains(" của ", StringComparison.Ordinal) ? a[(a.IndexOf(" của ", StringComparison.Ordinal) + 5)..] : a, Section = "Cán bộ thẩm định nhập" })],
                }, null);
            case DraftStep.Dossier:
                var parts = Items(text);
                return parts.Count == 0 ? (c, "Chưa có thành phần nào.") : (c with
                {
                    Dossier = new Dossier { Components = Components(parts), Section = "Cán bộ thẩm định nhập" },
                }, null);
            default:
                var drop = Regex.Matches(text, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture) - 1).ToHashSet();
                return drop.Count == 0 || !VietnameseText.Fold(text).StartsWith("bo", StringComparison.Ordinal)
                    ? (c, "Gõ “bỏ” và số thứ tự mốc.")
                    : (c with { Deadlines = [.. c.Deadlines.Where((_, i) => !drop.Contains(i))] }, null);
        }
    }

    private static List<string> Items(string text) => [.. text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(x => x.Length >= 3)];

    private static List<DossierComponent> Components(List<string> names)
    {
        var components = new List<DossierComponent>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
            components.Add(new DossierComponent { Id = PlanDossier.IdFor(name, i, components), Name = name, Section = "Cán bộ thẩm định nhập" });
        return components;
    }

    private static string Level(AdministrativeLevel level) => level switch { AdministrativeLevel.Province => "tỉnh", AdministrativeLevel.District => "huyện", _ => "xã" };

}
