using System.Diagnostics;
using System.Globalization;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Tests.Scans;

namespace ThiDua.Benchmarks;

/// <summary>
/// `scan [PAGES] [RUNS]`: times importing a scanned plan of PAGES pages (default 10: the seed plans' texts rendered,
/// tilted, speckled and sealed, as an image-only PDF) through the command line's `import FILE --out …`, RUNS times
/// (default 3), and prints each run and the median. The goal is under 60 s for 10 pages on two cores.
/// </summary>
internal static class ScanProbe
{
    public static async Task<int> RunAsync(int pages, int runs)
    {
        var work = Directory.CreateTempSubdirectory("thidua-scan-probe-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(work, "places"));
            foreach (var f in Directory.GetFiles(Path.Combine(DataFolder.Path, "places"))) File.Copy(f, Path.Combine(work, "places", Path.GetFileName(f)));
            var text = string.Join("\n\n", Directory.GetFiles(Path.Combine(DataFolder.Path, "plans"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
            var scan = Path.Combine(work, "scan.pdf");
            var images = PlanScanner.Pages(text, new ScanLook(), pages);
            await File.WriteAllBytesAsync(scan, PlanScanner.ImagePdf(images));
            Console.WriteLine($"scan: {images.Count} pages, {new FileInfo(scan).Length / 1024} KB, {Environment.ProcessorCount} cores");
            var times = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var target = Path.Combine(work, "campaigns", $"scan-{run}.json");
                var clock = Stopwatch.StartNew();
                // The command's own messages (the pages as they start, the draft's flags) go to stderr as they would for a user.
                var code = await BotProgram.RunAsync(["import", scan, "--out", target], output: new StringWriter());
                clock.Stop();
                File.Delete(Path.Combine(work, "plans", $"scan-{run}.txt"));
                times.Add(clock.Elapsed.TotalSeconds);
                Console.WriteLine($"run {run}: {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s, exit {code}");
            }
            times.Sort();
            Console.WriteLine($"median {times[times.Count / 2].ToString("F1", CultureInfo.InvariantCulture)} s, {(times[times.Count / 2] / images.Count).ToString("F1", CultureInfo.InvariantCulture)} s a page");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
