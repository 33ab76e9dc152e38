using System.Diagnostics;
using System.Text.Json;
using ThiDua.Core.Access;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Benchmarks;

/// <summary>
/// The bot as a process: time from start to its first answer, and resident memory after 10,000 officers (with
/// 100,000 nominations stored) have each talked to it through the scripted channel. Read from /proc (Linux).
/// </summary>
internal static class ProcessProbe
{
    private const int Officers = 10_000;
    private const int NominationsPerOfficer = 10;
    private static readonly string[] Campaigns = ["lao-cai-217", "hai-duong-70-dbp", "dien-bien-1023", "cam-phu-70-dbp", "duong-kinh-70-gphp"];

    public static async Task<int> RunAsync()
    {
        var db = Path.Combine(Path.GetTempPath(), $"thidua-process-{Guid.NewGuid():N}.db");
        try
        {
            var seeding = Stopwatch.StartNew();
            Seed(db);
            Console.WriteLine($"seeded {Officers:N0} officers and {Officers * NominationsPerOfficer:N0} nominations in {seeding.Elapsed.TotalSeconds:F1} s ({new FileInfo(db).Length / 1048576.0:F0} MB file)");

            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Bot.dll"), "chat", "--jsonl", "--now", "2024-05-02T09:00:00+07:00", $"--Storage:DatabasePath={db}"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            await process.StandardInput.WriteLineAsync("""{"chat":"probe","text":"hồ sơ khen thưởng Lào Cai gồm gì?"}""");
            await process.StandardInput.FlushAsync();
            await process.StandardOutput.ReadLineAsync();
            var ready = clock.Elapsed;

            var reader = Task.Run(async () =>
            {
                var lines = 0;
                while (lines < Officers * 2 && await process.StandardOutput.ReadLineAsync() is not null) lines++;
                return lines;
            });
            for (var i = 0; i < Officers; i++)
            {
                await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { chat = $"o{i}", text = "/cuatoi" }));
                await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(new { chat = $"o{i}", text = Questions.Mixed[i % Questions.Mixed.Length] }));
            }
            await process.StandardInput.FlushAsync();
            var answered = await reader;
            var (rss, peak) = Memory(process.Id);
            process.StandardInput.Close();
            await process.WaitForExitAsync();

            Console.WriteLine($"process: ready (first answer) {ready.TotalMilliseconds:N0} ms; after {answered:N0} answers to {Officers:N0} officers: resident {rss:N0} MB, peak {peak:N0} MB");
            return 0;
        }
        finally
        {
            foreach (var file in new[] { db, db + ".lock", Path.ChangeExtension(db, null) + "-log.db" }) File.Delete(file);
        }
    }

    private static void Seed(string path)
    {
        using var db = new BotDatabase(path);
        var now = new DateTime(2024, 5, 1, 2, 0, 0, DateTimeKind.Utc);
        db.Officers.InsertBulk(Enumerable.Range(0, Officers).Select(i => new OfficerProfile
        {
            UserKey = $"script:o{i}",
            Name = $"Cán bộ {i}",
            Unit = $"UBND xã {i % 500}",
            UnitKey = VietnameseText.Fold($"UBND xã {i % 500}"),
            RegisteredAt = now,
        }));
        var id = 0;
        db.Nominations.InsertBulk(Enumerable.Range(0, Officers).SelectMany(i => Enumerable.Range(0, NominationsPerOfficer).Select(k =>
        {
            id++;
            var campaign = Campaigns[id % Campaigns.Length];
            return new Nomination
            {
                Code = $"X{id:000000}",
                OwnerKey = $"script:o{i}",
                CampaignId = campaign,
                Status = (NominationStatus)(id % 2),
                NomineeName = $"Nguyễn Văn {id}",
                NameKey = $"nguyen van {id}",
                ProposingUnit = $"UBND xã {i % 500}",
                UnitKey = VietnameseText.Fold($"UBND xã {i % 500}"),
                Position = "Chỉ huy trưởng",
                Achievement = "Hoàn thành xuất sắc nhiệm vụ năm 2023",
                CreatedAt = now,
                UpdatedAt = now,
            };
        })));
    }

    /// <summary>VmRSS and VmHWM of a process, in MB.</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Read(string key) => long.Parse(status.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        return (Read("VmRSS"), Read("VmHWM"));
    }
}
