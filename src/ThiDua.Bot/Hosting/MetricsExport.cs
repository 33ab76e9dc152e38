using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using ThiDua.Core.Telemetry;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// Metrics:Prometheus=true: the ThiDua.Bot meter, read by OpenTelemetry, served as Prometheus text at /metrics on
/// the web port. Off by default: the numbers say how busy the office is, so an office opens them on purpose (and
/// keeps /metrics off the public side of its reverse proxy).
/// </summary>
public static class MetricsExport
{
    public const string Switch = "Metrics:Prometheus";
    public const string Path = "/metrics";

    public static IServiceCollection AddPrometheusExport(this IServiceCollection services)
    {
        services.AddOpenTelemetry().ConfigureResource(r => r.AddService("thidua-bot")).WithMetrics(m => m.AddMeter(BotMetrics.MeterName).AddPrometheusExporter());
        services.AddSingleton<IWebModule, MetricsWeb>();
        return services;
    }
}

/// <summary>The scrape endpoint, on the web server's own pipeline, reading the host's meter provider.</summary>
internal sealed class MetricsWeb(IServiceProvider host) : IWebModule
{
    public void AddServices(IServiceCollection services, IServiceProvider host) { }

    public void Map(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsExport.Path, host.GetRequiredService<MeterProvider>(), configureBranchedPipeline: null, optionsName: null);

    public void Started(IReadOnlyList<string> addresses) { }
}
