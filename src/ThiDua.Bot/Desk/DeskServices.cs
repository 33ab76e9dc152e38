using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Conversations;
using ThiDua.Core.Desk;

namespace ThiDua.Bot.Desk;

public static class DeskServices
{
    /// <summary>/web in every channel; it links to the desk when one is served, and says it is not otherwise.</summary>
    public static IServiceCollection AddWebSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new DeskAddress(configuration["Desk:PublicUrl"]));
        services.AddSingleton<IFeature>(sp => new WebSignInFeature(sp.GetRequiredService<DeskAddress>()));
        return services;
    }

    /// <summary>The web desk in the host's web server (started for it): served whenever Urls is given.</summary>
    public static IServiceCollection AddWebDesk(this IServiceCollection services)
    {
        services.AddSingleton<DeskContext>();
        services.AddSingleton<IWebModule, DeskWeb>();
        return services.AddWebServer();
    }
}
