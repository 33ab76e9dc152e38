using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Import;
using ThiDua.Core.Outbox;

namespace ThiDua.Bot.Channels.Telegram;

public static class TelegramServices
{
    /// <summary>Reads Telegram:*; without a token nothing of Telegram is registered and false is returned.</summary>
    public static TelegramOptions ReadOptions(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new StartupException($"Cấu hình Telegram không hợp lệ: {ex.Message}");
        }
    }

    /// <param name="options">Telegram:* as read before the host is built: what to register depends on it (webhook or polling).</param>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services, IConfiguration configuration, TelegramOptions options)
    {
        services.AddCheckedOptions<TelegramOptions>(configuration.GetSection(TelegramOptions.Section), o => o.Problem());
        services.AddSingleton(new Hosting.EnabledChannel("telegram"));
        services.AddSingleton<TelegramConnection>();
        services.AddSingleton<TelegramInbox>();
        services.AddSingleton<TelegramButtons>();
        services.AddSingleton<TelegramChats>();
        services.AddSingleton<TelegramUpdateReader>();
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IOutboxSender>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddSingleton(sp =>
        {
            var processor = ActivatorUtilities.CreateInstance<TelegramProcessor>(sp);
            // An administrator's /loi runs a kept update again through it.
            sp.GetRequiredService<ThiDua.Core.Failures.FailureLog>().RegisterChannel(TelegramUpdateReader.Channel, processor.ReplayAsync, options.Token, options.WebhookSecret);
            return processor;
        });
        // A plan file queued for import is downloaded again by its file_id after a restart.
        services.AddSingleton(sp => new ImportFileSource(TelegramUpdateReader.Channel, (fileId, ct) => sp.GetRequiredService<TelegramUpdateReader>().Download(fileId)(ct)));
        services.AddHostedService<TelegramReceiver>();
        if (options.UsesWebhook)
        {
            services.AddSingleton<TelegramInboxWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramInboxWorker>());
            services.AddWebEndpoint<TelegramWebhook>();
        }
        return services;
    }
}
