using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;
using ThiDua.Core.Telemetry;

namespace ThiDua.Bot.Hosting;

/// <summary>What the office's IT staff run it by: the bot's metrics (/metrics when switched on), health checks (/healthz, /readyz on the web port) and the control socket for `backup`.</summary>
public static class Operations
{
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<BotMetrics>();
        services.AddHostedService<ControlSocket>();
        services.AddSingleton<ChannelStatus>();
        // The reminder job adds its own check ("reminders") where it is scheduled.
        services.AddHealthChecks()
            .AddCheck<DatabaseHealth>("database")
            .AddCheck<KnowledgeHealth>("knowledge")
            .AddCheck<ChannelHealth>("channels");
        services.AddSingleton<IWebModule, HealthWeb>();
        if (configuration.GetValue<bool>(MetricsExport.Switch)) services.AddPrometheusExport();
        return services;
    }
}

/// <summary>The database answers a read and takes a write (one small document, replaced each time).</summary>
internal sealed class DatabaseHealth(BotDatabase db, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            db.Collection<LiteDB.BsonDocument>("health").Upsert(new LiteDB.BsonDocument { ["_id"] = "probe", ["at"] = time.GetUtcNow().UtcDateTime });
            return Task.FromResult(HealthCheckResult.Healthy("cơ sở dữ liệu mở và ghi được"));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"cơ sở dữ liệu không ghi được ({ex.GetType().Name})"));
        }
    }
}

internal sealed class KnowledgeHealth(KnowledgeProvider knowledge) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(knowledge.Current.Campaigns.Count > 0
            ? HealthCheckResult.Healthy($"đã nạp {knowledge.Current.Campaigns.Count} kế hoạch")
            : HealthCheckResult.Unhealthy("chưa nạp kế hoạch nào"));
}

/// <summary>/healthz: the process answers; /readyz: every check above passes (503 otherwise), each named with its state.</summary>
internal sealed class HealthWeb(HealthCheckService checks) : IWebModule
{
    public void AddServices(IServiceCollection services, IServiceProvider host) => services.AddSingleton(checks);

    public void Map(WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            ResponseWriter = (http, report) =>
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                return http.Response.WriteAsync(Summary(report));
            },
        });
    }

    public void Started(IReadOnlyList<string> addresses) { }

    public static string Summary(HealthReport report) =>
        $"{report.Status}\n" + string.Concat(report.Entries.Select(e => $"{e.Key}: {e.Value.Status} — {e.Value.Description}\n"));
}
