using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>The quiet Kestrel both fake platforms run on: loopback, a free port, no logging, quick to stop.</summary>
internal static class LoopbackServer
{
    /// <summary>Builds the app, lets <paramref name="map"/> add routes, starts it, and returns it with its base address.</summary>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(long maxBodyBytes, Action<WebApplication> map)
    {
        // The empty builder reads no appsettings.json, no ASPNETCORE_* variables and adds no logging providers.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = maxBodyBytes;
            o.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return (app, addresses.First().TrimEnd('/'));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
