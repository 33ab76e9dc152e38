using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Import;
using ThiDua.Core.Outbox;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Channels.Zalo;

public static class ZaloServices
{
    public static ZaloOptions ReadOptions(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(ZaloOptions.Section).Get<ZaloOptions>() ?? new ZaloOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException($"Cấu hình Zalo không hợp lệ: {ex.Message}");
        }
    }

    /// <param name="options">Zalo:* as read before the host is built: what to register depends on it (webhook or polling).</param>
    public static IServiceCollection AddZaloChannel(this IServiceCollection services, IConfiguration configuration, ZaloOptions options)
    {
        services.AddCheckedOptions<ZaloOptions>(configuration.GetSection(ZaloOptions.Section), o => o.Problem());
        services.AddSingleton(new Hosting.EnabledChannel("zalo"));
        services.AddSingleton<ZaloApi>();
        services.AddSingleton<MediaAddressRule>();
        services.AddSingleton<ZaloMedia>();
        services.AddSingleton<ZaloMenus>();
        services.AddSingleton(sp =>
        {
            var processor = ActivatorUtilities.CreateInstance<ZaloProcessor>(sp);
            // An administrator's /loi runs a kept event again through it.
            sp.GetRequiredService<ThiDua.Core.Failures.FailureLog>().RegisterChannel(ZaloProcessor.Channel, processor.ReplayAsync, options.Token, options.WebhookSecret);
            return processor;
        });
        // A photo queued for import is fetched again from its address after a restart.
        services.AddSingleton(sp => new ImportFileSource(ZaloProcessor.Channel, async (url, ct) =>
            await sp.GetRequiredService<ZaloMedia>().DownloadAsync(url, ZaloProcessor.MaxPhotoBytes, ct) is { } photo
                ? new MemoryStream(photo.Content)
                : throw new IOException("không tải lại được ảnh từ Zalo")));
        if (options.PublicBaseUrl.Length > 0)
        {
            services.AddSingleton(sp => new FileLinks(sp.GetRequiredService<BotDatabase>(), sp.GetRequiredService<TimeProvider>(), options.PublicBaseUrl));
            services.AddSingleton<IWebEndpoint>(sp => sp.GetRequiredService<FileLinks>());
            services.AddWebServer();
        }
        // FileLinks is optional in the sender's constructor: without a public address, files get a note instead.
        services.AddSingleton<ZaloSender>();
        services.AddSingleton<IOutboxSender>(sp => sp.GetRequiredService<ZaloSender>());
        services.AddHostedService<ZaloReceiver>();
        if (options.UsesWebhook) services.AddWebEndpoint<ZaloWebhook>();
        return services;
    }
}
