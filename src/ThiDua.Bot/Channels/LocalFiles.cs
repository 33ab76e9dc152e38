using ThiDua.Core.Conversations;

namespace ThiDua.Bot.Channels;

/// <summary>A file on this machine sent as an upload, for the channels that name files by path (scripted, console).</summary>
public static class LocalFiles
{
    /// <summary>The file as an upload, or why it cannot be: empty or malformed paths and missing files alike.</summary>
    public static IncomingFile? Open(string path, out string? error)
    {
        error = null;
        FileInfo info;
        try
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("rỗng");
            info = new FileInfo(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException or UnauthorizedAccessException)
        {
            error = $"đường dẫn tệp \"{path}\" không hợp lệ";
            return null;
        }
        if (!info.Exists)
        {
            error = $"không có tệp \"{path}\"";
            return null;
        }
        return new IncomingFile(info.Name, null, info.Length, _ => Task.FromResult<Stream>(info.OpenRead()));
    }
}
