namespace ThiDua.Bot.Hosting;

/// <summary>
/// `healthcheck`: asks the running bot's /readyz on its own web port and exits 0 when ready, 1 when not. For a
/// container's HEALTHCHECK, whose runtime image has neither curl nor wget.
/// </summary>
public static class HealthcheckCommand
{
    public const int Ready = 0, NotReady = 1;
    public const string Path = "/readyz";

    public static async Task<int> RunAsync(CommandLine commandLine, TextWriter output, TextWriter errors)
    {
        var address = Address(ImportCommand.Configuration(commandLine)["Urls"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(address, Path));
            var body = await response.Content.ReadAsStringAsync();
            await (response.IsSuccessStatusCode ? output : errors).WriteAsync(body);
            return response.IsSuccessStatusCode ? Ready : NotReady;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"Không hỏi được {new Uri(address, Path)} ({ex.GetType().Name}): bot chưa chạy, hoặc chạy không có Urls.");
            return NotReady;
        }
    }

    /// <summary>The first address of Urls, a wildcard host ("0.0.0.0", "+", "*", "[::]") asked on the loopback.</summary>
    public static Uri Address(string? urls)
    {
        var first = (urls is { Length: > 0 } ? urls : "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var wildcard = System.Text.RegularExpressions.Regex.Replace(first, @"^(https?://)(0\.0\.0\.0|\+|\*|\[::\])", "${1}127.0.0.1");
        return new Uri(wildcard.TrimEnd('/') + "/");
    }
}
