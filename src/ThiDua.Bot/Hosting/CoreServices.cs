using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThiDua.Core.Outbox;
using ThiDua.Core.Conversations;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;

namespace ThiDua.Bot.Hosting;

public static class CoreServices
{
    /// <summary>The conversation core and what it stands on: clock, LiteDB, knowledge loaded from data/.</summary>
    public static IServiceCollection AddConversationCore(this IServiceCollection services, IConfiguration configuration, TimeProvider time)
    {
        services.AddCheckedOptions<StorageOptions>(configuration.GetSection(StorageOptions.Section), o => string.IsNullOrWhiteSpace(o.DatabasePath) ? "Storage:DatabasePath không được để trống" : null);
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section));
        services.AddSingleton(time);
        services.AddSingleton(new LocalClock(time));
        // Backups are named by real time, whatever clock a demo runs on: they are files on this machine.
        services.AddSingleton(sp =>
        {
            var db = OpenDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value, TimeProvider.System);
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger<BotDatabase>();
            db.Reopened += (cause, failed) =>
            {
                if (failed is null) log.LogWarning(cause, "LiteDB đã tự đóng cơ sở dữ liệu sau lỗi; bot đã mở lại tệp và chạy tiếp (tin nhắn lúc lỗi được giữ trong /loi)");
                else log.LogCritical(failed, "LiteDB đã tự đóng cơ sở dữ liệu ({Cause}) và không mở lại được; mọi tin nhắn sẽ lỗi cho tới khi khởi động lại bot", cause.Message);
            };
            return db;
        });
        services.AddSingleton(sp =>
        {
            var folder = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolveDataPath();
            // A mistyped folder must not look like "every plan was deleted".
            if (!Directory.Exists(Path.Combine(folder, "campaigns")))
                throw new StartupException($"Knowledge:DataPath: không có thư mục dữ liệu kế hoạch '{folder}' (cần có thư mục campaigns/ bên trong).");
            var loader = ActivatorUtilities.CreateInstance<KnowledgeLoader>(sp);
            return new KnowledgeProvider(loader.Load(folder));
        });
        // A given clock (Clock:Now, --now) is a demo's or a test's: its reminder bookkeeping is kept apart from real time's.
        var reminders = configuration.GetSection(ThiDua.Core.Reminders.ReminderOptions.Section);
        services.AddCheckedOptions<ThiDua.Core.Reminders.ReminderOptions>(reminders, o => UnreadDay(reminders) ?? o.Problem(),
            after: o => o.Simulated = !string.IsNullOrWhiteSpace(configuration["Clock:Now"]));
        services.AddSingleton(configuration.GetSection(ThiDua.Core.Access.AccessOptions.Section).Get<ThiDua.Core.Access.AccessOptions>() ?? new ThiDua.Core.Access.AccessOptions());
        // Read and checked here, by the same reader the import command uses: a start and an import refuse the same values.
        services.AddSingleton(ImportOptionsFrom(configuration));
        services.AddSingleton<ThiDua.Core.Reminders.ReminderService>();
        services.AddSingleton(sp =>
        {
            var outbox = ActivatorUtilities.CreateInstance<OutboxDispatcher>(sp);
            sp.GetService<ThiDua.Core.Telemetry.BotMetrics>()?.SendsThrough(sp.GetServices<IOutboxSender>().Select(s => s.Channel));
            // /loi's "run again" for a message no platform answered puts it back in the outbox.
            sp.GetRequiredService<ThiDua.Core.Failures.FailureLog>().RegisterReplay(OutboxDispatcher.UndeliveredSource, outbox.SendAgainAsync);
            return outbox;
        });
        services.AddSingleton<ThiDua.Core.Failures.FailureLog>();
        services.AddSingleton<IConversationCore, ConversationEngine>();
        return services;
    }

    /// <summary>
    /// Plan files read off the conversation loop (channels serving many chats at once), their jobs kept in the
    /// database; channels that can fetch a file again by its reference add an <see cref="ImportFileSource"/>.
    /// </summary>
    public static IServiceCollection AddBackgroundImports(this IServiceCollection services)
    {
        services.AddSingleton<PlanDrafts>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    /// <summary>The binder skips array items it cannot convert: a mistyped day must not silently drop a reminder.</summary>
    private static string? UnreadDay(IConfigurationSection reminders) =>
        reminders.GetSection("OffsetsDays").GetChildren().FirstOrDefault(c => !int.TryParse(c.Value, out _)) is { } bad
            ? $"Cấu hình Reminders:OffsetsDays có giá trị '{bad.Value}' không phải số ngày (0–60)."
            : null;

    /// <summary>Import:* with the defaults of <see cref="ImportOptions"/>; a value out of range stops start-up with its name.</summary>
    public static ImportOptions ImportOptionsFrom(IConfiguration configuration)
    {
        ImportOptions options;
        try { options = configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new(); }
        catch (InvalidOperationException ex) { throw new StartupException($"Cấu hình Import không hợp lệ: {ex.Message}"); }
        return options.Problem() is { } problem ? throw new StartupException($"Cấu hình {problem}.") : options;
    }

    /// <summary>A backup that cannot be written (a full disk, a read-only folder) is said, not fatal: the data itself is fine.</summary>
    private static void TryBackUp(BotDatabase db, StorageOptions options, BackupManifest holds)
    {
        try
        {
            DatabaseBackups.Take(db, options.DatabasePath, holds, options.Backups);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cảnh báo: không sao lưu được cơ sở dữ liệu vào '{DatabaseBackups.FolderOf(options.DatabasePath)}' ({ex.Message}); bot vẫn chạy.");
        }
    }

    /// <summary>
    /// Opens the file, checks it against the last backup and takes a new one. What cannot be trusted stops the start,
    /// naming the file, the backup and what to do; nothing is repaired, overwritten or started empty in silence.
    /// </summary>
    private static BotDatabase OpenDatabase(StorageOptions options, TimeProvider time)
    {
        var path = options.DatabasePath;
        var latest = DatabaseBackups.Latest(path);
        var restore = latest is { } b
            ? $"Bản sao lưu gần nhất: '{b.Path}' ({b.Manifest.TakenAt.ToLocalTime():dd/MM/yyyy HH:mm}, {b.Manifest.Nominations} đề nghị). Khôi phục: dừng bot, chép tệp đó thành '{path}', xóa tệp -log đi kèm nếu có, rồi chạy lại. "
            : "";
        BotDatabase db;
        try
        {
            db = new BotDatabase(path);
        }
        // Whatever a damaged file makes LiteDB throw (its own errors, a decoder's, an index out of range), the answer is the same.
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var locked = ex.Message.Contains("đang được một tiến trình", StringComparison.Ordinal);
            var hint = File.Exists(path) && !locked
                ? "Tệp có thể bị hỏng hoặc không phải cơ sở dữ liệu của bot; bot không sửa, không ghi đè nó. " + restore
                : "";
            throw new StartupException($"Không mở được cơ sở dữ liệu '{path}' ({ex.Message}). {hint}Đặt đường dẫn khác bằng --Storage:DatabasePath=... hoặc biến môi trường Storage__DatabasePath.");
        }
        try
        {
            var now = DatabaseBackups.Count(db, time.GetUtcNow());
            if (latest is { } last && DatabaseBackups.Missing(now, last.Manifest) is { } lost && !options.AcceptFewerRecords)
                throw new StartupException($"Cơ sở dữ liệu '{path}' ít hơn bản sao lưu gần nhất: thiếu {lost} (tệp -log bị xóa hoặc hỏng sau khi dừng đột ngột?). Bot không chạy tiếp trên dữ liệu có thể đã mất. {restore}Nếu việc xóa là cố ý, chạy với --Storage:AcceptFewerRecords=true.");
            if (DatabaseBackups.Held(path) is { } held && db.Writes() < held.Writes && !options.AcceptFewerRecords)
                throw new StartupException($"Cơ sở dữ liệu '{path}' ít hơn lúc bot ghi lần cuối ({held.TakenAt.ToLocalTime():dd/MM/yyyy HH:mm}): thiếu {held.Writes - db.Writes()} lần ghi đã báo cho cán bộ (đề nghị được cấp mã, lần xóa có chủ ý). Các lần ghi cuối nằm trong tệp '{BotDatabase.LogFileOf(path)}', tệp này đã bị xóa, làm rỗng hoặc cắt sau khi bot dừng đột ngột. Bot không chạy tiếp trên dữ liệu có thể đã mất. Nếu còn bản cũ của tệp -log, đặt lại cạnh cơ sở dữ liệu rồi chạy lại; nếu không, {(latest is null ? "" : "có thể khôi phục bản sao lưu gần nhất (các thay đổi sau đó phải nhập lại). " + restore)}Nếu việc xóa là cố ý, chạy với --Storage:AcceptFewerRecords=true.");
            db.RecordHeld();
            // The counts just checked are what the backup holds: the file is not counted twice.
            if (options.Backups > 0) TryBackUp(db, options, now);
            return db;
        }
        catch (StartupException)
        {
            db.Dispose();
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            db.Dispose();
            throw new StartupException($"Cơ sở dữ liệu '{path}' mở được nhưng đọc bị lỗi ({ex.Message}): tệp có thể bị hỏng; bot không ghi gì vào nó. {restore}");
        }
    }
}

/// <summary>A problem that stops the bot from starting, worded for the person who runs it.</summary>
public sealed class StartupException(string message) : Exception(message);
