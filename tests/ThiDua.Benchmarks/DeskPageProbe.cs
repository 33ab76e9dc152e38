using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ThiDua.Core.Access;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks;

/// <summary>
/// The web desk's nominations page as a reviewer's browser gets it: the built bot (scripted channel, desk on a
/// loopback port) over a LiteDB file of 100,000 submitted nominations from 1,000 units, signed in with a /web link,
/// then each page fetched whole (query, rows, HTML) many times. The time is the client's, over loopback, so it is an
/// upper bound of the server's. Target: a filtered page in under 50 ms.
/// </summary>
internal static partial class DeskPageProbe
{
    private const int Stored = DeskNominations.Stored, Rounds = 200;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/desk/signin/[A-Za-z0-9_-]+")]
    private static partial Regex SignInLink();

    public static async Task<int> RunAsync()
    {
        var db = Path.Combine(Path.GetTempPath(), $"thidua-desk-page-{Guid.NewGuid():N}.db");
        try
        {
            Seed(db);
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Bot.dll"), "chat", "--jsonl", "--now", "2024-05-02T09:00:00+07:00",
                $"--Storage:DatabasePath={db}", "--Urls=http://127.0.0.1:0"])
            { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var bot = Process.Start(start)!;
            _ = bot.StandardError.ReadToEndAsync();
            await bot.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { chat = "rev", text = "/web" }));
            await bot.StandardInput.FlushAsync();
            var reply = await bot.StandardOutput.ReadLineAsync() ?? "";
            var link = SignInLink().Match(reply) is { Success: true } m ? m.Value : throw new InvalidOperationException("no sign-in link in: " + reply);

            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
            var opened = await client.GetAsync(link);
            if (opened.StatusCode != HttpStatusCode.Redirect || opened.Headers.Location?.OriginalString.EndsWith("/desk", StringComparison.Ordinal) != true)
                throw new InvalidOperationException($"sign-in refused: {(int)opened.StatusCode} {opened.Headers.Location}");
            var desk = link[..link.IndexOf("/desk/", StringComparison.Ordinal)] + "/desk/nominations";
            await Time(client, "one unit's nominations, first page", $"{desk}?kehoach=lao-cai-217&donvi={Uri.EscapeDataString(VietnameseText.Fold("Đơn vị 7"))}");
            await Time(client, "a name searched", $"{desk}?kehoach=lao-cai-217&tim={Uri.EscapeDataString("Nguyễn Văn 4242")}");
            await Time(client, "every nomination, first page", desk);
            await Time(client, "every nomination, sorted by name, page 50", $"{desk}?xep=name&trang=50");
            bot.StandardInput.Close();
            await bot.WaitForExitAsync();
            return 0;
        }
        finally
        {
            foreach (var file in new[] { db, db + ".lock", Path.ChangeExtension(db, null) + "-log.db" }) File.Delete(file);
        }
    }

    private static async Task Time(HttpClient client, string what, string url)
    {
        var first = Stopwatch.StartNew();
        var page = await client.GetStringAsync(url);
        var firstMs = first.Elapsed.TotalMilliseconds;
        if (!page.Contains("LC-2024-", StringComparison.Ordinal)) throw new InvalidOperationException($"{what}: the page lists no nomination");
        var times = new List<double>(Rounds);
        for (var i = 0; i < Rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            await client.GetStringAsync(url);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"desk page, {what} ({Stored:N0} stored, {page.Length / 1024} KB HTML): first {firstMs:F1} ms; then median {times[Rounds / 2]:F1} ms, p95 {times[Rounds * 95 / 100]:F1} ms, max {times[^1]:F1} ms");
    }

    private static void Seed(string path)
    {
        using var db = new BotDatabase(path);
        var now = new DateTime(2024, 5, 1, 2, 0, 0, DateTimeKind.Utc);
        db.Nominations.InsertBulk(DeskNominations.Make(now, "script"));
        db.Officers.Insert(new OfficerProfile { UserKey = "script:rev", Name = "Cán bộ thẩm định", Role = Role.Reviewer, Scopes = ["lao-cai-217"], RegisteredAt = now });
    }
}
