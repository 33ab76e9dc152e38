using Microsoft.Extensions.Configuration;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// `backup --out FILE`: a consistent copy of the database (dossier files included: they live in it), made by the
/// running bot when there is one (<see cref="ControlSocket"/>), else by opening the file here.
/// `restore FILE [--force]`: puts a backup in place, with the bot stopped (<see cref="DatabaseRestore"/>).
/// </summary>
public static class BackupCommands
{
    public const int Done = 0, Refused = 2;

    public static async Task<int> BackupAsync(CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        if (commandLine.Out is not { Length: > 0 } target || commandLine.Positional.Count > 0)
        {
            await errors.WriteLineAsync("Dùng: backup --out TỆP (ví dụ backup --out /sao-luu/thidua-2026-12-02.db)");
            return Refused;
        }
        target = Path.GetFullPath(target);
        var path = DatabasePath(commandLine);
        var now = TimeProvider.System.GetUtcNow();
        ControlSocket.Response? asked;
        try
        {
            asked = await ControlSocket.AskAsync(path, new ControlSocket.Request("backup", target), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(10));
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or System.Net.Sockets.SocketException or System.Text.Json.JsonException)
        {
            await errors.WriteLineAsync($"Không sao lưu được: bot đang chạy trên '{path}' không trả lời ({ex.GetType().Name}).");
            return Refused;
        }
        var (holds, problem) = asked is { } r ? (r.Holds, r.Ok ? null : r.Message) : CopyStopped(path, target, now);
        if (problem is not null)
        {
            await errors.WriteLineAsync($"Không sao lưu được vào '{target}': {problem}");
            return Refused;
        }
        await output.WriteLineAsync($"Đã sao lưu '{path}' vào '{target}'{(asked is null ? "" : " (do bot đang chạy thực hiện)")}: {holds?.Nominations} đề nghị, {holds?.Officers} cán bộ, {holds?.Units} đơn vị, {holds?.Files} tệp hồ sơ.");
        return Done;
    }

    public static async Task<int> RestoreAsync(CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        if (commandLine.Positional is not [var file])
        {
            await errors.WriteLineAsync("Dùng: restore TỆP [--force] (dừng bot trước; --force: thay cả cơ sở dữ liệu mới hơn bản sao lưu)");
            return Refused;
        }
        var path = DatabasePath(commandLine);
        if (await ControlSocket.AskAsync(path, new ControlSocket.Request("ping", null), CancellationToken.None) is not null)
        {
            await errors.WriteLineAsync($"Bot đang chạy trên '{path}': dừng bot trước khi khôi phục.");
            return Refused;
        }
        DatabaseRestore.Outcome outcome;
        try
        {
            outcome = DatabaseRestore.Run(file, path, commandLine.Force, TimeProvider.System.GetUtcNow());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            outcome = new(false, $"Không khôi phục được '{file}' vào '{path}': {ex.Message}");
        }
        await (outcome.Restored ? output : errors).WriteLineAsync(outcome.Message);
        return outcome.Restored ? Done : Refused;
    }

    /// <summary>The one copy both the running bot and a stopped one make: the whole file read and checked first, then copied.</summary>
    public static (BackupManifest? Holds, string? Problem) Copy(BotDatabase db, string target, DateTimeOffset now)
    {
        if (TargetProblem(target) is { } problem) return (null, problem);
        try
        {
            if (DatabaseBackups.Damage(db) is { } damage) return (null, $"cơ sở dữ liệu có chỗ hỏng ({damage}); không sao lưu bản hỏng");
            var holds = DatabaseBackups.Count(db, now);
            DatabaseBackups.WriteCopy(db, target, holds);
            return (holds, null);
        }
        catch (Exception ex) when (ex is LiteDB.LiteException or IOException or UnauthorizedAccessException)
        {
            return (null, ex.Message);
        }
    }

    private static string? TargetProblem(string target) =>
        File.Exists(target) ? "tệp đã có; bản sao lưu không ghi đè tệp nào"
        : Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder) ? $"không có thư mục '{folder}'"
        : null;

    private static (BackupManifest?, string?) CopyStopped(string path, string target, DateTimeOffset now)
    {
        // Checked before the database is opened: a refused copy must not touch it (opening may migrate an older file).
        if (TargetProblem(target) is { } problem) return (null, problem);
        if (!File.Exists(path)) return (null, $"không có cơ sở dữ liệu '{path}' (đặt bằng --Storage:DatabasePath=...)");
        try
        {
            using var db = new BotDatabase(path);
            return Copy(db, target, now);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, $"không mở được cơ sở dữ liệu '{path}' ({ex.Message})");
        }
    }

    private static string DatabasePath(CommandLine commandLine) =>
        ImportCommand.Configuration(commandLine).GetSection(StorageOptions.Section).Get<StorageOptions>()?.DatabasePath is { Length: > 0 } p ? p : new StorageOptions().DatabasePath;
}
