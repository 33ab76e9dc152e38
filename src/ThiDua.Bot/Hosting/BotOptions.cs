namespace ThiDua.Bot.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";
    /// <summary>The LiteDB file; relative paths are under the current folder. Created on first run.</summary>
    public string DatabasePath { get; set; } = "data/thidua.db";
    /// <summary>How many copies of the database to keep in backups/ beside it (one is taken at every start); 0 takes none.</summary>
    public int Backups { get; set; } = 5;
    /// <summary>When the daily copy is taken while the bot runs (Quartz cron, Vietnamese time); read by the backup job's trigger.</summary>
    public string BackupCron { get; set; } = Jobs.BackupJob.DefaultCron;
    /// <summary>Start even though the file holds fewer records than the last backup (after a deliberate deletion).</summary>
    public bool AcceptFewerRecords { get; set; }
}

public sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";
    /// <summary>Folder holding campaigns/, plans/, legal/ and glossary.json; empty means the copy next to the program.</summary>
    public string DataPath { get; set; } = "";

    public string ResolveDataPath() =>
        string.IsNullOrWhiteSpace(DataPath) ? Path.Combine(AppContext.BaseDirectory, "data") : Path.GetFullPath(DataPath);
}
