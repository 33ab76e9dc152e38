using ThiDua.Bot.Tests.Fakes;
using ThiDua.Core.Failures;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// Telegram's replies, counted from both ends once the run is over: what the outbox holds (every reply the bot
/// committed, with its status) against what the fake server accepted, per chat and text. More copies received than
/// enqueued are repeats: the kill's when the first copy was answered (or its answer cut by the kill) and a kill came
/// before the second, the bot having died before it saved the outcome; a send whose answer was dropped is sent once
/// more on purpose, and that repeat is the fault's, kill or not. Fewer are replies not delivered: each must be failed and kept
/// for /loi, or it was lost in silence. A reply failed after two sends without an answer may have arrived all the same.
/// </summary>
internal sealed record DeliveryAudit(
    int Replies, int Delivered, int RepeatsAfterKills, int MostRepeatsInOneKill, int RepeatsAfterFaults,
    int FailedAndKept, int KeptForLoi, int LostSilently, int StillPending, int Blocked)
{
    public static DeliveryAudit Of(BotDatabase db, IReadOnlyList<SentMessage> received, IReadOnlyList<ApiCall> calls, IReadOnlyList<DateTimeOffset> kills)
    {
        var sends = calls.Where(c => c.Method == "sendMessage").ToList();
        var outbox = db.Outbox.Find(m => m.Channel == "telegram").ToList();
        var kept = new FailureLog(db, TimeProvider.System).Recent(int.MaxValue)
            .Where(f => f.Source == OutboxDispatcher.UndeliveredSource).Select(f => f.Payload).ToHashSet(StringComparer.Ordinal);
        var sent = received.Where(m => m.Method == "sendMessage").ToList();
        var perKill = new int[kills.Count];
        int repeatsAfterFaults = 0, keptForLoi = 0, lost = 0;
        foreach (var chat in outbox.Select(m => m.ChatId).Union(sent.Select(m => m.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture))).Distinct())
        {
            var expected = outbox.Where(m => m.ChatId == chat).ToList();
            var got = sent.Where(m => m.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture) == chat).OrderBy(m => m.At).ToList();
            foreach (var text in expected.Select(m => m.Text).Union(got.Select(m => Plain(m.Text))).Distinct())
            {
                var mine = expected.Where(m => m.Text == text).ToList();
                var copies = got.Count(m => Plain(m.Text) == text);
                if (copies > mine.Count)
                {
                    var excess = copies - mine.Count;
                    foreach (var kill in KillsBetweenCopies(got, text, sends, kills).Take(excess))
                    {
                        perKill[kill]++;
                        excess--;
                    }
                    repeatsAfterFaults += excess;
                }
                else if (copies < mine.Count)
                {
                    // The missing ones, matched against this text's failed messages that /loi keeps.
                    var keptHere = Math.Min(mine.Count - copies, mine.Count(m => m.Status == OutboxStatus.Failed && kept.Contains(m.Key)));
                    keptForLoi += keptHere;
                    lost += mine.Count - copies - keptHere;
                }
            }
        }
        return new DeliveryAudit(outbox.Count, sent.Count, perKill.Sum(), perKill.DefaultIfEmpty(0).Max(), repeatsAfterFaults,
            outbox.Count(m => m.Status == OutboxStatus.Failed && kept.Contains(m.Key)), keptForLoi, lost,
            outbox.Count(m => m.Status == OutboxStatus.Pending), outbox.Count(m => m.Status == OutboxStatus.Blocked));
    }

    /// <summary>
    /// For each pair of copies of this text next to each other in the chat, the kill between them, unless the first
    /// copy's answer was dropped on purpose (that send was going to be made once more anyway).
    /// </summary>
    private static IEnumerable<int> KillsBetweenCopies(List<SentMessage> chat, string text, List<ApiCall> sends, IReadOnlyList<DateTimeOffset> kills)
    {
        for (var i = 1; i < chat.Count; i++)
        {
            if (Plain(chat[i].Text) != text || Plain(chat[i - 1].Text) != text) continue;
            var (from, to) = (chat[i - 1].At, chat[i].At);
            var first = sends.LastOrDefault(c => c.At <= from && c.Parameters["chat_id"]?.ToString() == chat[i - 1].ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && Plain(c.Parameters["text"]?.ToString()) == text);
            if (first?.FailedWith?.Contains("after handling", StringComparison.Ordinal) == true) continue;
            var kill = kills.Select((at, k) => (at, k)).Where(x => x.at > from && x.at < to).Select(x => x.k).DefaultIfEmpty(-1).First();
            if (kill >= 0) yield return kill;
        }
    }

    private static string Plain(string? html) => TelegramRun.Plain(html);
}
