namespace ThiDua.Bot.Hosting;

/// <summary>The exit code a running part asks for when it stops the bot (a refused token, say); 0 otherwise.</summary>
public sealed class ExitStatus
{
    public int Code { get; set; }
}
