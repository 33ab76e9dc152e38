using System.Security.Cryptography;
using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using ThiDua.Core.Conversations;
using ThiDua.Core.Import.Ocr;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Core.Import;

/// <summary>What reading a plan file came to: the reply (a draft's first card, or why it cannot be read) and what stores the draft.</summary>
/// <param name="Save">Stores the draft; run it inside the caller's transaction, with whatever else the outcome marks. Null for a refusal.</param>
public sealed record DraftRead(Reply Reply, Action? Save);

/// <summary>
/// Reads a plan file within <see cref="ImportOptions"/> into a draft for its reviewer. Reading and storing are apart,
/// so a background read stores its draft in the same transaction as its reply and its job's "done" (never twice).
/// </summary>
public sealed class PlanDrafts(BotDatabase db, LocalClock clock, KnowledgeProvider knowledge, ImportOptions limits)
{
    private readonly ILiteCollection<StoredDraft> _drafts = db.Collection<StoredDraft>("import_drafts");

    public ImportOptions Limits => limits;

    /// <summary>A file that cannot be read gets its reason (and nothing to save); any other exception is the caller's.</summary>
    /// <param name="progress">Told as each page of a scan starts being read.</param>
    public async Task<DraftRead> ReadAsync(string ownerKey, IncomingFile file, CancellationToken ct, IProgress<ScanProgress>? progress = null)
    {
        ImportDraft draft;
        string text;
        try
        {
            // A scan's doubtful words are repaired towards the words of the plans the bot has.
            var scans = new ScanReader(limits, () => ScanReader.Vocabulary(knowledge.Current.PlanTexts.Values));
            (text, draft) = await PlanFileImport.RunAsync(file.OpenRead, file.FileName, knowledge.Current.Places, limits, clock.TimeProvider, ct, scans, progress);
        }
        catch (FileTooLargeException)
        {
            return Refused($"Không đọc được kế hoạch từ “{file.FileName}”: tệp lớn hơn {PlanFileReader.MaxBytes / 1048576} MB. Không có gì thay đổi.");
        }
        catch (InvalidDataException ex)
        {
            return Refused($"Không đọc được kế hoạch từ “{file.FileName}”: {ex.Message}. Không có gì thay đổi.");
        }
        catch (IOException)
        {
            return Refused($"Không tải được tệp “{file.FileName}” (mất kết nối giữa chừng?). Không có gì thay đổi: bạn gửi lại tệp nhé.");
        }
        var stored = new StoredDraft
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant(),
            OwnerKey = ownerKey,
            FileName = file.FileName,
            Json = JsonSerializer.Serialize(draft.Campaign, KnowledgeJson.Options),
            Flags = [.. draft.Flags.Select(f => $"{f.Field}: {f.Problem}")],
            CreatedAt = clock.TimeProvider.GetUtcNow().UtcDateTime,
        };
        var c = draft.Campaign;
        var card = ImportDesk.Card(stored, $"📄 Bản nháp từ “{file.FileName}”: {c.Phases.Count} đợt, {c.Awards.Count} hình thức, {c.Dossier?.Components.Count ?? 0} thành phần hồ sơ, {c.Deadlines.Count} mốc. Kiểm tra {ImportDesk.StepCount} mục:");
        return new DraftRead(card, () =>
        {
            (stored.PlanText, stored.PlanTextFile) = db.PlanTexts.Put($"draft/{stored.Id}", text);
            _drafts.Insert(stored);
        });
    }

    /// <summary>Reads the file and stores its draft at once (a file read in the conversation's turn).</summary>
    public async Task<Reply> DraftAsync(string ownerKey, IncomingFile file, CancellationToken ct)
    {
        var read = await ReadAsync(ownerKey, file, ct);
        if (read.Save is { } save)
            db.InTransaction(() =>
            {
                save();
                return 1;
            });
        return read.Reply;
    }

    private static DraftRead Refused(string why) => new(new Reply(why), null);
}
