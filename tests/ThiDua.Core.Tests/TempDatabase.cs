namespace ThiDua.Core.Tests;

/// <summary>A LiteDB file path for a test that restarts the bot; the file, its log and its lock go when disposed.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"thidua-test-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        File.Delete(Path);
        File.Delete(Path + ".lock");
        File.Delete(System.IO.Path.ChangeExtension(Path, null) + "-log.db");
    }
}
