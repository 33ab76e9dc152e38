using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Hosting;

/// <summary>A part of the web server with services and routes of its own (the web desk): added when the server is built.</summary>
public interface IWebModule
{
    /// <param name="host">The host's own services, for the module to hand on what its pages use.</param>
    void AddServices(IServiceCollection services, IServiceProvider host);

    void Map(WebApplication app);

    /// <summary>Where the server listens once started (port 0 becomes a real port).</summary>
    void Started(IReadOnlyList<string> addresses);
}

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
/// A small Kestrel server for the channels' webhooks and the web desk, started only when one of them needs it. It
/// listens where the standard Urls setting says (default http://localhost:5000), behind the office's HTTPS reverse proxy.
/// </summary>
public sealed class WebEndpoints(IEnumerable<IWebEndpoint> endpoints, IEnumerable<IWebModule> modules, IServiceProvider host, IConfiguration configuration, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
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
        foreach (var module in modules) module.AddServices(builder.Services, host);
        var app = builder.Build();
        foreach (var module in modules) module.Map(app);
        foreach (var endpoint in endpoints) app.MapMethods(endpoint.Path, [endpoint.Method], endpoint.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new StartupException($"Không mở được cổng web ({configuration["Urls"]}): {ex.Message}. Đặt Urls khác, ví dụ --Urls=http://0.0.0.0:8080.");
        }
        _app = app;
        Addresses = [.. app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
        foreach (var module in modules) module.Started(Addresses);
        loggerFactory.CreateLogger<WebEndpoints>().LogInformation("Máy chủ web lắng nghe tại {Addresses}", string.Join(", ", Addresses));
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
