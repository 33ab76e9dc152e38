namespace ThiDua.Benchmarks.Faults;

/// <summary>What one channel's run measured; <see cref="Holds"/> is the promise: nothing confirmed lost, nothing twice, nothing dropped in silence.</summary>
internal sealed class ChannelFigures(string name)
{
    public string Name { get; } = name;
    public int Kills { get; set; }
    public int KillsAfterConfirmation { get; set; }
    public int Starts { get; set; }
    /// <summary>Starts after which the bot neither answered nor reached the Bot API within a minute (killed and started again).</summary>
    public int SilentStarts { get; set; }
    public int Officers { get; set; }
    public int Inputs { get; set; }
    public Dictionary<FaultKind, int>? Faults { get; set; }
    public NominationAudit Nominations { get; set; } = null!;
    public DeliveryAudit? Delivery { get; set; }
    /// <summary>Undelivered replies as the administrators' /loi counts them.</summary>
    public int? LoiUndelivered { get; set; }
    public int? LinesResentAfterKills { get; set; }
    public int? MostLinesResentInOneKill { get; set; }
    public int Retypes { get; set; }
    public int SentAgain { get; set; }
    public int Abandoned { get; set; }
    public int DuplicateWarnings { get; set; }
    public int? WebhookRetries { get; set; }
    public TimeSpan Elapsed { get; set; }
    /// <summary>From the last kill until every officer was done.</summary>
    public TimeSpan Finishing { get; set; }

    public bool Holds =>
        SilentStarts == 0 && Nominations.ConfirmedLost == 0 && Nominations.Duplicated == 0
        && (Delivery is null || Delivery.LostSilently == 0 && Delivery.StillPending == 0 && LoiUndelivered == Delivery.FailedAndKept);

    public void AddOfficers(IReadOnlyList<Officer> officers)
    {
        Officers = officers.Count;
        Inputs = officers.Sum(o => o.Sent);
        Retypes = officers.Sum(o => o.Retypes);
        Abandoned = officers.Sum(o => o.Abandoned);
        DuplicateWarnings = officers.Sum(o => o.DuplicateWarnings);
    }
}
