using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Hosting;

/// <summary>One HTTP endpoint a channel needs (a webhook, a download link), served by the host.</summary>
public interface IWebEndpoint
{
    string Method => "POST";
    /// <summary>A route pattern: "/telegram", "/tai/{expires}/{signature}/{name}".</summary>
    string Path { get; }
    Task HandleAsync(HttpContext context);
}

public static class WebEndpointServices
{
    /// <summary>Adds an endpoint; the one web server that serves them all is registered once.</summary>
    public static IServiceCollection AddWebEndpoint<T>(this IServiceCollection services) where T : class, IWebEndpoint
    {
        services.AddSingleton<T>();
        services.AddSingleton<IWebEndpoint>(sp => sp.GetRequiredService<T>());
        return services.AddWebServer();
    }

    public static IServiceCollection AddWebServer(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(WebEndpoints))) return services;
        services.AddSingleton<WebEndpoints>();
        services.AddHostedService(sp => sp.GetRequiredService<WebEndpoints>());
        return services;
    }
}

/// <summary>
/// A small Kestrel server for the channels' webhooks, started only when a channel needs one. It listens where
/// the standard Urls setting says (default http://localhost:5000), behind the office's HTTPS reverse proxy.
/// </summary>
public sealed class WebEndpoints(IEnumerable<IWebEndpoint> endpoints, IConfiguration configuration, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    /// <summary>Updates are small; anything bigger is not from Telegram or Zalo.</summary>
    public const long MaxBodyBytes = 1024 * 1024;
    private WebApplication? _app;

    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(configuration["Urls"] is { Length: > 0 } urls ? urls : "http://localhost:5000");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        var app = builder.Build();
        foreach (var endpoint in endpoints) app.MapMethods(endpoint.Path, [endpoint.Method], endpoint.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new StartupException($"Không mở được cổng web cho webhook ({configuration["Urls"]}): {ex.Message}. Đặt Urls khác, ví dụ --Urls=http://0.0.0.0:8080.");
        }
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        loggerFactory.CreateLogger<WebEndpoints>().LogInformation("Webhook lắng nghe tại {Addresses}", string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
