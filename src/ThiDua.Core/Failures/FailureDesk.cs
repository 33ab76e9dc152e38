using System.Globalization;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Text;

namespace ThiDua.Core.Failures;

/// <summary>
/// /loi for administrators: the failures kept, counted by source, each run again with a button ("e|run|id"); and,
/// for the person a failure happened to, putting back the form or registration set aside ("e|restore|id").
/// </summary>
public sealed class FailureDesk(FailureLog failures, AccessPolicy access, Func<IncomingMessage, Task<ConversationResult>> handle)
{
    private const int Listed = 10;

    /// <summary>The apology for a failed message: its number, and what was set aside with a button to put it back.</summary>
    public static Reply Apology(FailedMessage failure)
    {
        var setAside = failure.SetAsideForm is not null ? "đề nghị đang nhập dở" : failure.SetAsideRegistration is not null ? "phần đăng ký đang nhập dở" : null;
        var text = $"Xin lỗi, tôi gặp lỗi khi xử lý tin nhắn này (đã ghi lại để quản trị viên xem, mã lỗi #{failure.Id}). Bạn thử hỏi lại, hoặc gõ /help để xem hướng dẫn.";
        if (setAside is null) return new Reply(text);
        return new Reply(text + $"\nĐể tin nhắn sau không lỗi lại, {setAside} đã được cất riêng (không mất). Bấm “Khôi phục” để nhập tiếp từ chỗ cũ, hoặc gõ /dangky để bắt đầu lại.")
        {
            Buttons = [[new FailurePress(FailureAction.Restore, failure.Id).Button("Khôi phục phần đang nhập")]],
        };
    }

    public Reply List(Actor actor)
    {
        if (!actor.IsAdmin) return access.Refuse(actor, "/loi", "Lệnh /loi dành cho quản trị viên (Access:Admins).");
        var counts = failures.Counts();
        var recent = failures.Recent(Listed);
        if (recent.Count == 0 && counts.Count == 0) return new Reply("Chưa có tin nhắn nào bị lỗi.");
        var lines = new List<string>
        {
            $"Tin nhắn bị lỗi từ trước đến nay: {counts.Values.Sum()} ({string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{Source(c.Key)} {c.Value}"))}). Gần nhất:",
        };
        lines.AddRange(recent.Select(Line));
        return new Reply(string.Join('\n', lines))
        {
            Buttons = [.. recent.Where(CanRun).Select(f => (IReadOnlyList<Button>)[new FailurePress(FailureAction.Run, f.Id).Button($"Chạy lại #{f.Id}")])],
        };
    }

    /// <param name="press">Null for data no failure button writes (stale or forged).</param>
    public async Task<Reply> PressAsync(Actor actor, IncomingMessage message, FailurePress? press, List<PushedMessage> pushed, CancellationToken cancellationToken)
    {
        if (press is null || failures.Find(press.FailureId) is not { } failure)
            return new Reply("Không tìm thấy lỗi này (có thể đã được xử lý).");
        return press.Action == FailureAction.Restore
            ? Restore(actor, message, failure)
            : await RunAgainAsync(actor, failure, pushed, cancellationToken);
    }

    private Reply Restore(Actor actor, IncomingMessage message, FailedMessage failure)
    {
        if (failure.PersonKey != message.PersonKey)
            return access.Refuse(actor, $"khôi phục lỗi #{failure.Id}", "Phần đang nhập này không phải của bạn.");
        return failures.Restore(failure)
            ? new Reply("Đã khôi phục phần đang nhập dở. Gõ “tiếp tục” để xem và nhập tiếp.")
            : new Reply("Không có gì để khôi phục: bạn đã bắt đầu phần mới, hoặc đã khôi phục rồi.");
    }

    private async Task<Reply> RunAgainAsync(Actor actor, FailedMessage failure, List<PushedMessage> pushed, CancellationToken cancellationToken)
    {
        if (!actor.IsAdmin) return access.Refuse(actor, $"chạy lại lỗi #{failure.Id}", "Chỉ quản trị viên chạy lại được tin nhắn bị lỗi.");
        if (failure.ReplayedAt is not null) return new Reply($"Lỗi #{failure.Id} đã được chạy lại: {failure.ReplayResult}");
        if (!CanRun(failure)) return new Reply($"Lỗi #{failure.Id} không chạy lại được: tin nhắn là một tệp (bot không giữ nội dung tệp lỗi); người gửi cần gửi lại.");
        string result;
        if (failure.Payload is { } payload)
        {
            result = failures.Replays.TryGetValue(failure.Source, out var replay)
                ? await replay(payload, cancellationToken)
                : $"{Source(failure.Source)} không chạy trong lần này";
        }
        else
        {
            var newest = failures.Recent(1) is [var before] ? before.Id : 0;
            var again = await handle(new IncomingMessage { Channel = failure.Channel, ChatId = failure.ChatId, UserId = failure.UserId, Text = failure.Text, ButtonData = failure.ButtonData });
            var failedAgain = failures.Recent(1) is [var latest] && latest.Id > newest ? latest : null;
            result = failedAgain is null ? $"trả lời được, đã gửi {again.Replies.Count} tin cho người gửi" : $"lỗi lại (#{failedAgain.Id})";
            if (failedAgain is null)
            {
                var asked = failure.Text is { } t ? $"“{TextFit.Shorten(t, 80)}”" : "nút đã bấm";
                pushed.AddRange(again.Replies.Select((r, i) => new PushedMessage(failure.Channel, failure.ChatId,
                    i == 0 ? r with { Text = $"(Trả lời lại {asked} lúc {Local(failure.At)}, khi đó bot gặp lỗi.)\n{r.Text}" } : r)));
                pushed.AddRange(again.Pushed);
            }
        }
        failures.MarkReplayed(failure, result);
        return new Reply($"Đã chạy lại lỗi #{failure.Id}: {result}.");
    }

    private static bool CanRun(FailedMessage f) => f.ReplayedAt is null && (f.Payload is not null || f.Text is not null || f.ButtonData is not null);

    private static string Line(FailedMessage f)
    {
        var what = f.Text is { } t ? $"“{TextFit.Shorten(t, 60)}”" : f.ButtonData is { } b ? $"nút {b}" : f.FileName is { } n ? $"tệp {n}" : "cập nhật của kênh";
        var error = f.Error.Split('\n')[0];
        var replayed = f.ReplayedAt is null ? "" : $" — đã chạy lại: {f.ReplayResult}";
        return $"#{f.Id} · {Local(f.At)} · {Source(f.Source)} · {f.Channel}:{f.ChatId} · {what} · {TextFit.Shorten(error, 120)}{replayed}";
    }

    private static string Source(string source) => source switch
    {
        FailureLog.CoreSource => "xử lý hội thoại",
        FailureLog.ImportSource => "đọc tệp kế hoạch",
        _ => $"kênh {source}",
    };

    private static string Local(DateTime stored) => Time.LocalClock.InVietnam(stored).ToString("dd/MM HH:mm", CultureInfo.InvariantCulture);
}
