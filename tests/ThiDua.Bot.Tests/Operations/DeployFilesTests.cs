using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Tests.Operations;

/// <summary>
/// deploy/ agrees with the program it deploys: the project it builds exists and is the bot, the sub-commands it runs
/// exist, the port, the health path and the data folder are the ones the app uses, the exit codes it will not
/// restart on are the app's. The image itself is built only where a container engine answers.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly List<(string Instruction, string Arguments)> Docker = DeployFiles.Dockerfile();
    private static readonly string[] RootUsers = ["", "root", "0"];
    private static readonly string[] BuildInputs = [".editorconfig", "Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", "NuGet.Config"];

    private static string Only(string instruction) => Assert.Single(Docker, i => i.Instruction == instruction).Arguments;

    private static Dictionary<string, string> DockerSettings => DeployFiles.Settings(Docker.Where(i => i.Instruction == "ENV").Select(i => i.Arguments));

    [GeneratedRegex(@"dotnet publish (\S+\.csproj) .*-o (\S+)")]
    private static partial Regex Publish();

    [GeneratedRegex(@"reverse_proxy bot:(\d+)")]
    private static partial Regex ProxiedPort();

    [Fact]
    public void The_Dockerfile_builds_the_bot_in_the_SDK_and_runs_its_entry_dll_on_aspnet_as_a_non_root_user()
    {
        var stages = Docker.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();
        Assert.Equal(["mcr.microsoft.com/dotnet/sdk:10.0 AS build", "mcr.microsoft.com/dotnet/aspnet:10.0"], stages);

        // Every file the build copies from the repository is there and not left out by .dockerignore.
        var ignored = DeployFiles.Text(".dockerignore").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        foreach (var copy in Docker.Where(i => i.Instruction == "COPY" && !i.Arguments.StartsWith("--from", StringComparison.Ordinal)))
            foreach (var source in copy.Arguments.Split(' ')[..^1])
            {
                Assert.True(File.Exists(DeployFiles.PathOf(source)) || Directory.Exists(DeployFiles.PathOf(source)), $"COPY {source}: not in the repository");
                Assert.DoesNotContain(source.TrimEnd('/'), ignored);
            }

        // The files at the root that every build reads: without .editorconfig the analyzers' defaults fail the build.
        var copied = Docker.Where(i => i.Instruction == "COPY").SelectMany(i => i.Arguments.Split(' ')).ToHashSet();
        foreach (var buildInput in BuildInputs.Where(f => File.Exists(DeployFiles.PathOf(f))))
            Assert.Contains(buildInput, copied);

        var publish = Publish().Match(string.Join('\n', Docker.Select(i => i.Arguments)));
        Assert.True(publish.Success);
        var project = DeployFiles.Text(publish.Groups[1].Value);
        Assert.Contains("<OutputType>Exe</OutputType>", project);
        var entryDll = $"{publish.Groups[2].Value}/{Path.GetFileNameWithoutExtension(publish.Groups[1].Value)}.dll";
        Assert.Equal($"[\"dotnet\", \"{entryDll}\"]", Only("ENTRYPOINT"));
        Assert.Equal(typeof(BotProgram).Assembly.GetName().Name + ".dll", Path.GetFileName(entryDll));
        Assert.Contains(Only("CMD").Trim('[', ']', '"'), CommandLine.Verbs);

        var user = Only("USER");
        Assert.DoesNotContain(user, RootUsers);
        // The volume's folder belongs to that user, or the bot could not write its database there.
        Assert.Contains(Docker, i => i.Instruction == "RUN" && i.Arguments.EndsWith($"chown \"$APP_UID\" {Only("VOLUME")}", StringComparison.Ordinal));

        // Personal data never goes into the build context.
        foreach (var kept in new[] { "**/*.db", "data/exports", "data/backups" }) Assert.Contains(kept, ignored);
    }

    [Fact]
    public void The_image_listens_where_it_exposes_keeps_its_database_on_the_volume_and_checks_its_own_readyz()
    {
        var settings = DockerSettings;
        var port = Only("EXPOSE");
        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), HealthcheckCommand.Address(settings["Urls"]));
        Assert.Equal(Only("VOLUME"), Path.GetDirectoryName(settings["Storage:DatabasePath"]));

        var check = Only("HEALTHCHECK");
        Assert.Contains("CMD [\"dotnet\", \"/app/ThiDua.Bot.dll\", \"healthcheck\"]", check);
        Assert.Contains("healthcheck", CommandLine.Verbs);
        Assert.Equal("/readyz", HealthcheckCommand.Path);
    }

    [Fact]
    public async Task The_healthcheck_sub_command_exits_0_on_a_ready_bot_and_1_when_nothing_answers()
    {
        await using (var bot = await WebHost.StartAsync())
        {
            using var output = new StringWriter();
            var exit = await HealthcheckCommand.RunAsync(CommandLine.Parse(["healthcheck", $"--Urls={bot.Http.BaseAddress}"]), output, TextWriter.Null);
            Assert.Equal(HealthcheckCommand.Ready, exit);
            Assert.StartsWith("Healthy\ndatabase: Healthy", output.ToString(), StringComparison.Ordinal);
        }
        using var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var closed = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        using var errors = new StringWriter();
        Assert.Equal(HealthcheckCommand.NotReady, await HealthcheckCommand.RunAsync(CommandLine.Parse(["healthcheck", $"--Urls=http://0.0.0.0:{closed}"]), TextWriter.Null, errors));
        Assert.Contains($"http://127.0.0.1:{closed}/readyz", errors.ToString());
    }

    [Fact]
    public void Compose_builds_this_Dockerfile_mounts_its_volume_and_the_proxy_reaches_the_exposed_port_but_not_metrics()
    {
        var compose = DeployFiles.Text("deploy/compose.yaml");
        Assert.Contains("context: ..", compose);
        Assert.Contains("dockerfile: deploy/Dockerfile", compose);
        Assert.Contains($"- thidua-data:{Only("VOLUME")}", compose);
        Assert.Contains("- ./Caddyfile:/etc/caddy/Caddyfile:ro", compose);
        Assert.Contains("condition: service_healthy", compose);
        Assert.Contains("env_file: thidua.env", compose);
        Assert.True(File.Exists(DeployFiles.PathOf("deploy/thidua.env.example")));
        Assert.Contains($"{MetricsExport.Switch.Replace(":", "__", StringComparison.Ordinal)}: \"true\"", compose);
        // The webhook path Telegram is given is the one the bot serves for that address.
        var webhook = new Channels.Telegram.TelegramOptions { WebhookUrl = "https://thidua.example.gov.vn/telegram" }.WebhookPath;
        Assert.Contains($"Telegram__WebhookUrl: https://${{THIDUA_DOMAIN:?set THIDUA_DOMAIN}}{webhook}", compose);

        var caddy = DeployFiles.Text("deploy/Caddyfile");
        Assert.Equal(Only("EXPOSE"), ProxiedPort().Match(caddy).Groups[1].Value);
        Assert.Contains($"@inside path {MetricsExport.Path} {HealthcheckCommand.Path} /healthz", caddy);
        Assert.Contains("respond @inside 404", caddy);
    }

    [Fact]
    public async Task The_systemd_unit_runs_the_bot_with_its_state_in_StateDirectory_tokens_from_a_file_and_no_restart_on_a_refusal()
    {
        var unit = DeployFiles.Unit();
        string One(string key) => Assert.Single(unit, u => u.Key == key).Value;

        var exec = One("ExecStart").Split(' ');
        Assert.Equal(typeof(BotProgram).Assembly.GetName().Name + ".dll", Path.GetFileName(exec[1]));
        Assert.Contains(exec[2], CommandLine.Verbs);
        Assert.Equal("yes", One("DynamicUser"));
        Assert.Equal("on-failure", One("Restart"));
        Assert.StartsWith("/etc/", One("EnvironmentFile"), StringComparison.Ordinal);

        var settings = DeployFiles.Settings(unit.Where(u => u.Key == "Environment").Select(u => u.Value));
        Assert.Equal($"/var/lib/{One("StateDirectory")}", Path.GetDirectoryName(settings["Storage:DatabasePath"]));
        Assert.Equal("127.0.0.1", new Uri(settings["Urls"]).Host);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Token", StringComparison.OrdinalIgnoreCase) || k.Contains("Secret", StringComparison.OrdinalIgnoreCase));

        // Exit 2 is the program's "cannot start" (here a mistyped cron): restarting would fail the same way.
        Assert.Contains("2", One("RestartPreventExitStatus").Split(' '));
        var folder = Directory.CreateTempSubdirectory("thidua-unit-").FullName;
        try
        {
            Assert.Equal(2, await BotProgram.RunAsync(["--Reminders:Cron=every morning", $"--Storage:DatabasePath={Path.Combine(folder, "bot.db")}"], new StringReader(""), TextWriter.Null));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [CommandAnswersFact("systemd-analyze", "--version")]
    public async Task Systemd_accepts_the_unit()
    {
        // verify wants ExecStart's program to exist: point it at this machine's dotnet.
        var copy = Path.Combine(Directory.CreateTempSubdirectory("thidua-unit-").FullName, "thidua-bot.service");
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "/usr/bin/dotnet";
        await File.WriteAllTextAsync(copy, DeployFiles.Text("deploy/thidua-bot.service").Replace("/usr/bin/dotnet", dotnet, StringComparison.Ordinal));
        var (exit, output) = await RunAsync("systemd-analyze", "verify", copy);
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("thidua-bot.service:", output);
    }

    [CommandAnswersFact("docker", "info")]
    public async Task The_image_builds_and_runs_as_a_non_root_user_with_a_healthcheck()
    {
        var (built, log) = await RunAsync("docker", "build", "-f", DeployFiles.PathOf("deploy/Dockerfile"), "-t", "thidua-bot:test", DeployFiles.Root);
        Assert.True(built == 0, log);
        var (inspected, config) = await RunAsync("docker", "image", "inspect", "--format", "{{.Config.User}}|{{json .Config.Healthcheck.Test}}|{{json .Config.ExposedPorts}}", "thidua-bot:test");
        Assert.True(inspected == 0, config);
        var parts = config.Trim().Split('|');
        Assert.DoesNotContain(parts[0], RootUsers);
        Assert.Contains("healthcheck", parts[1]);
        Assert.Contains("8080/tcp", parts[2]);
        // The sub-command is in the image: with no bot listening it says so and exits 1 (Docker's "unhealthy").
        var (exit, said) = await RunAsync("docker", "run", "--rm", "thidua-bot:test", "healthcheck");
        Assert.True(exit == 1, said);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(15));
        return (process.ExitCode, await output + await errors);
    }
}
