using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// How `backup` reaches a running bot: the bot holds its database alone (a second process could not copy it
/// consistently), so it listens on a Unix socket beside the file ("bot.db.sock", readable by its own user only) and
/// makes the copy itself, through the same path as its rotating backups. One JSON line in, one JSON line out.
/// </summary>
public sealed class ControlSocket(BotDatabase db, IOptions<StorageOptions> options, TimeProvider time, ILogger<ControlSocket> logger) : BackgroundService
{
    /// <summary>Unix socket addresses are limited to 108 bytes (sun_path), the terminating zero included.</summary>
    private const int MaxPathBytes = 107;

    public static string PathFor(string databasePath) => Path.GetFullPath(databasePath) + ".sock";

    public sealed record Request(string Verb, string? Out);

    public sealed record Response(bool Ok, string Message, BackupManifest? Holds = null);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = PathFor(options.Value.DatabasePath);
        if (Encoding.UTF8.GetByteCount(path) > MaxPathBytes)
        {
            logger.LogWarning("Đường dẫn cơ sở dữ liệu dài quá cho ổ cắm điều khiển ({Path}): lệnh backup không hỏi được bot đang chạy; các bản sao lưu tự động vẫn chạy", path);
            return;
        }
        // The bot holds the database's lock: a socket left by a killed bot is stale.
        File.Delete(path);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(4);
        }
        catch (SocketException ex)
        {
            logger.LogWarning("Không mở được ổ cắm điều khiển {Path} ({Error}): lệnh backup không hỏi được bot đang chạy", path, ex.SocketErrorCode);
            return;
        }
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var client = await listener.AcceptAsync(stoppingToken);
                await ServeAsync(client, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        await using var stream = new NetworkStream(client);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        Response response;
        try
        {
            var line = await reader.ReadLineAsync(stoppingToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), stoppingToken);
            var request = line is null ? null : JsonSerializer.Deserialize<Request>(line);
            response = request is { Verb: "backup", Out: { Length: > 0 } target } ? Backup(target) : new Response(false, "yêu cầu không hợp lệ");
        }
        catch (Exception ex) when (ex is JsonException or IOException or TimeoutException)
        {
            response = new Response(false, $"yêu cầu không đọc được ({ex.GetType().Name})");
        }
        await writer.WriteLineAsync(JsonSerializer.Serialize(response));
    }

    private Response Backup(string target)
    {
        var (holds, problem) = BackupCommands.Copy(db, target, time.GetUtcNow());
        if (problem is not null) return new Response(false, problem);
        logger.LogInformation("Đã sao lưu cơ sở dữ liệu theo lệnh backup vào {Target}", target);
        return new Response(true, target, holds);
    }

    /// <summary>Asks the bot running on <paramref name="databasePath"/>; null when none listens there.</summary>
    public static async Task<Response?> AskAsync(string databasePath, Request request, CancellationToken cancellationToken)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(path)) return null;
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        }
        catch (SocketException)
        {
            return null;
        }
        await using var stream = new NetworkStream(socket);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await writer.WriteLineAsync(JsonSerializer.Serialize(request));
        var line = await reader.ReadLineAsync(cancellationToken);
        return line is null ? new Response(false, "bot đang chạy không trả lời") : JsonSerializer.Deserialize<Response>(line);
    }
}
