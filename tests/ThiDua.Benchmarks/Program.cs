using BenchmarkDotNet.Running;
using ThiDua.Benchmarks;

// `dotnet run -c Release --project tests/ThiDua.Benchmarks` runs the BenchmarkDotNet suite;
// `-- latency` prints per-question percentiles; `-- scripted N` times N questions through the built bot binary;
// `-- outbox` checks paced delivery against the channel limit in virtual and real time;
// `-- telegram N` times N updates through the Telegram adapter against a fake Bot API server, pacing off;
// `-- process` measures start-up to the first answer and resident memory with 10,000 officers and 100,000 nominations;
// `-- faults [kills] [officers] [seed] [channel]` kills the built bot (kill -9) again and again under Telegram polling, webhook
// and the scripted channel, with faults on the fake Bot API server, and counts what was lost, repeated or kept in /loi;
// `-- peer [DATA]` is a plain Lucene.NET BM25 answerer speaking the scripted channel's JSONL on stdin/stdout,
// to time whole processes side by side (`ThiDua.Benchmarks.dll peer < q.jsonl` vs `ThiDua.Bot.dll chat --jsonl < q.jsonl`);
// `-- desk` fetches the web desk's nominations page whole, signed in, with 100,000 nominations stored;
// `-- import-accuracy [TRUTH_DIR] [--misses]` imports plans through the command line and prints precision and recall per field;
// `-- scan [PAGES] [RUNS]` times the command line's import of a scanned (image-only) PDF of PAGES pages.
return args.FirstOrDefault() switch
{
    "latency" => await LatencyProbe.RunAsync(),
    "outbox" => await OutboxPacingProbe.RunAsync(),
    "scripted" => await ScriptedThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000),
    "process" => await ProcessProbe.RunAsync(),
    "desk" => await DeskPageProbe.RunAsync(),
    "peer" => await Bm25Peer.RunAsync(args.Length > 1 ? args[1] : null),
    "import-accuracy" => await ThiDua.Benchmarks.ImportAccuracy.ImportAccuracyRun.RunAsync(args[1..]),
    "scan" => await ScanProbe.RunAsync(Arg(1, 10), Arg(2, 3)),
    "telegram" => await TelegramThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000),
    "faults" => await ThiDua.Benchmarks.Faults.FaultHarness.RunAsync(Arg(1, 20), Arg(2, 30), Arg(3, 18), args.Length > 4 ? args[4] : null),
    _ => Run(args),
};

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(QuestionAnsweringBenchmarks).Assembly).Run(args);
    return 0;
}
