using System.Diagnostics;

namespace ThiDua.Bot.Tests;

/// <summary>The built bot as a separate process (`dotnet ThiDua.Bot.dll …`), with its standard streams redirected.</summary>
internal static class BotProcess
{
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ThiDua.Bot.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
