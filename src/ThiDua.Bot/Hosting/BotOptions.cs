namespace ThiDua.Bot.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";
    /// <summary>The LiteDB file; relative paths are under the current folder. Created on first run.</summary>
    public string DatabasePath { get; set; } = "data/thidua.db";
}

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";
    /// <summary>Folder holding campaigns/, plans/, legal/ and glossary.json; empty means the copy next to the program.</summary>
    public string DataPath { get; set; } = "";

    public string ResolveDataPath() =>
        string.IsNullOrWhiteSpace(DataPath) ? Path.Combine(AppContext.BaseDirectory, "data") : Path.GetFullPath(DataPath);
}
