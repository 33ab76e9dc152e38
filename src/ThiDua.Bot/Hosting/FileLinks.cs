using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Http;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Hosting;

public sealed class StoredSecret
{
    [BsonId] public string Id { get; set; } = "";
    public byte[] Value { get; set; } = [];
}

/// <summary>
/// Expiring signed download links for exports (xlsx, docx), for channels that cannot send documents (Zalo).
/// The link names a file of the export folder, its expiry and an HMAC of both with a key kept in LiteDB; the host
/// serves it only while it is valid. No path can leave the export folder.
/// </summary>
public sealed class FileLinks : IWebEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly BotDatabase _db;
    private readonly TimeProvider _time;
    private readonly string _publicBase;
    private readonly byte[] _key;

    public FileLinks(BotDatabase db, TimeProvider time, string publicBaseUrl)
    {
        (_db, _time, _publicBase) = (db, time, publicBaseUrl.TrimEnd('/'));
        var secrets = db.Collection<StoredSecret>("secrets");
        var stored = secrets.FindById("file-links");
        if (stored is null)
        {
            stored = new StoredSecret { Id = "file-links", Value = RandomNumberGenerator.GetBytes(32) };
            secrets.Upsert(stored);
        }
        _key = stored.Value;
    }

    public string Method => "GET";
    public string Path => "/tai/{expires}/{signature}/{name}";

    /// <summary>A link to a file of the export folder, valid for <see cref="Lifetime"/>; null for anything else.</summary>
    public string? LinkFor(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full) || System.IO.Path.GetDirectoryName(full) != System.IO.Path.GetFullPath(_db.ExportFolder)) return null;
        var name = System.IO.Path.GetFileName(full);
        var expires = (_time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return $"{_publicBase}/tai/{expires}/{Sign(name, expires)}/{Uri.EscapeDataString(name)}";
    }

    public async Task HandleAsync(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var name = values["name"]?.ToString() ?? "";
        var valid = long.TryParse(values["expires"]?.ToString(), out var expires)
            && name.Length > 0 && name == System.IO.Path.GetFileName(name) && !name.Contains("..", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(values["signature"]?.ToString() ?? ""), Encoding.ASCII.GetBytes(Sign(name, expires)));
        if (!valid)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (_time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            context.Response.StatusCode = StatusCodes.Status410Gone;
            await context.Response.WriteAsync("Liên kết đã hết hạn. Nhắn bot để lấy liên kết mới.");
            return;
        }
        var file = System.IO.Path.Combine(_db.ExportFolder, name);
        if (!File.Exists(file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
            ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            : name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "application/octet-stream";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    private string Sign(string name, long expires) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{name}|{expires}")), 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
