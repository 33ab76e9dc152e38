namespace ThiDua.Benchmarks.Faults;

/// <summary>
/// When to kill the bot next, from a seeded Random: every other kill at a random moment 0.3–3 s after the bot is
/// ready, the others 0–40 ms after an officer pressed Xác nhận (armed 0.3–1.5 s after ready; killed anyway if no
/// one presses within 3 s): the moment a nomination is being saved and its answer written, where a kill hurts most.
/// </summary>
internal sealed class KillPlan(Random random, int kills)
{
    private TimeSpan _at;
    private DateTimeOffset? _confirmationKill;

    public int Left { get; private set; } = kills;
    public int AfterConfirmation { get; private set; }
    public bool Targeted { get; private set; }

    /// <summary>Call at each start, once the bot is ready.</summary>
    public void Arm()
    {
        Targeted = Left % 2 == 0;
        _at = TimeSpan.FromMilliseconds(Targeted ? random.Next(300, 1500) : random.Next(300, 3000));
        _confirmationKill = null;
    }

    /// <summary>An officer pressed Xác nhận at <paramref name="now"/>.</summary>
    public void Confirmed(DateTimeOffset now, DateTimeOffset readyAt)
    {
        if (Left > 0 && Targeted && _confirmationKill is null && now - readyAt >= _at)
            _confirmationKill = now + TimeSpan.FromMilliseconds(random.Next(0, 41));
    }

    public bool Due(DateTimeOffset now, DateTimeOffset readyAt)
    {
        if (Left == 0) return false;
        if (!Targeted) return now - readyAt >= _at;
        return _confirmationKill is { } at ? now >= at : now - readyAt >= _at + TimeSpan.FromSeconds(3);
    }

    public void Killed()
    {
        if (Targeted && _confirmationKill is not null) AfterConfirmation++;
        Left--;
    }
}
