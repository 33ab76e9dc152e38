using System.Globalization;

namespace ThiDua.Benchmarks.Faults;

/// <summary>The summary: one row per figure, one column per channel; "—" where a figure does not apply.</summary>
internal static class FaultTable
{
    public static void Print(IReadOnlyList<ChannelFigures> runs, TextWriter output)
    {
        (string Label, Func<ChannelFigures, string> Value)[] rows =
        [
            ("kills (SIGKILL) / of them 0–40 ms after Xác nhận", r => $"{r.Kills} / {r.KillsAfterConfirmation}"),
            ("starts of the process / of them silent for a minute (must be 0)", r => $"{r.Starts} / {r.SilentStarts}"),
            ("officers (chats) / messages they sent", r => $"{r.Officers} / {N(r.Inputs)}"),
            ("faults taken: 500 / 429 / hang / drop before / drop after handling", r => r.Faults is { } f
                ? $"{f[FaultKind.ServerError]} / {f[FaultKind.FloodLimit]} / {f[FaultKind.Hang]} / {f[FaultKind.DropBefore]} / {f[FaultKind.DropAfter]}" : "—"),
            ("faults taken: two hangs set for one chat's next sends", r => r.Faults is { } f ? N(f[FaultKind.HangTwice]) : "—"),
            ("nominations saved / confirmed to the officer", r => $"{r.Nominations.Saved} / {r.Nominations.Confirmed}"),
            ("confirmed nominations lost (must be 0)", r => N(r.Nominations.ConfirmedLost)),
            ("nominations duplicated (must be 0)", r => N(r.Nominations.Duplicated)),
            ("saved, the confirmation never reached the officer", r => N(r.Nominations.NeverConfirmed)),
            ("saved under another unit / officers registered under another unit", r => $"{r.Nominations.WrongUnit} / {r.Nominations.WrongRegistration}"),
            ("replies in the outbox / sends the fake server accepted", r => r.Delivery is { } d ? $"{N(d.Replies)} / {N(d.Delivered)}" : "—"),
            ("replies repeated after a kill: total / most in one kill", r => r.Delivery is { } d ? $"{d.RepeatsAfterKills} / {d.MostRepeatsInOneKill}" : "—"),
            ("replies repeated after a send without an answer", r => r.Delivery is { } d ? N(d.RepeatsAfterFaults) : "—"),
            ("replies failed after two sends without an answer, kept in /loi / /loi lists", r => r.Delivery is { } d ? $"{d.FailedAndKept} / {r.LoiUndelivered}" : "—"),
            ("replies not delivered, of them failed and kept in /loi", r => r.Delivery is { } d ? N(d.KeptForLoi) : "—"),
            ("replies not delivered and not kept (must be 0)", r => r.Delivery is { } d ? N(d.LostSilently) : "—"),
            ("replies still pending at the end (must be 0) / blocked", r => r.Delivery is { } d ? $"{d.StillPending} / {d.Blocked}" : "—"),
            ("lines unanswered at a kill, written again: total / most in one kill", r => r.LinesResentAfterKills is { } l ? $"{l} / {r.MostLinesResentInOneKill}" : "—"),
            ("webhook posts not answered 200, posted again", r => r.WebhookRetries is { } w ? N(w) : "—"),
            ("officers: typed the nomination again / sent again after 25 s of silence", r => $"{r.Retypes} / {r.SentAgain}"),
            ("officers: told 'trùng với …' / gave up a nomination", r => $"{r.DuplicateWarnings} / {r.Abandoned}"),
            ("promise holds", r => r.Holds ? "yes" : "NO"),
            ("wall time / of it, officers finishing after the last kill", r => $"{r.Elapsed.TotalSeconds:F0} s / {r.Finishing.TotalSeconds:F0} s"),
        ];
        var labelWidth = rows.Max(r => r.Label.Length);
        var widths = runs.Select(run => Math.Max(run.Name.Length, rows.Max(r => r.Value(run).Length))).ToList();
        output.WriteLine("| " + "".PadRight(labelWidth) + " | " + string.Join(" | ", runs.Select((r, i) => r.Name.PadRight(widths[i]))) + " |");
        output.WriteLine("|-" + new string('-', labelWidth) + "-|-" + string.Join("-|-", widths.Select(w => new string('-', w))) + "-|");
        foreach (var (label, value) in rows)
            output.WriteLine("| " + label.PadRight(labelWidth) + " | " + string.Join(" | ", runs.Select((r, i) => value(r).PadRight(widths[i]))) + " |");
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
