using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ThiDua.Bot.Hosting;
using ThiDua.Bot.Tests.Fakes;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>The bot in the console, listening on a free loopback port as an office's monitor would reach it.</summary>
internal sealed class WebHost : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thidua-web-").FullName;
    private readonly Task _run;

    public TypedInput Input { get; } = new();
    public SharedOutput Output { get; } = new();
    public IHost Host { get; }
    public HttpClient Http { get; } = new();

    public WebHost(params string[] args)
    {
        Host = BotProgram.Build(CommandLine.Parse([$"--Storage:DatabasePath={Path.Combine(_folder, "bot.db")}", "--Urls=http://127.0.0.1:0", .. args]), Input, Output);
        _run = Host.RunAsync();
    }

    /// <summary>Started: the console has printed its readiness summary (the web server is up before the console starts).</summary>
    public static async Task<WebHost> StartAsync(params string[] args)
    {
        var host = new WebHost(args);
        await host.Output.WaitFor("Trạng thái / readiness:");
        host.Http.BaseAddress = new Uri(host.Host.Services.GetRequiredService<WebEndpoints>().Addresses.Single().TrimEnd('/') + "/");
        return host;
    }

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path.TrimStart('/'));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Input.Type("/thoat");
        await _run.WaitAsync(TimeSpan.FromSeconds(30));
        Host.Dispose();
        Http.Dispose();
        Input.Dispose();
        Output.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
