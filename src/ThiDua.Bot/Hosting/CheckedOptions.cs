using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ThiDua.Bot.Hosting;

/// <summary>
/// Settings bound from their section and checked when the host starts (<c>ValidateOnStart</c>) by the one rule each
/// settings class states (its <c>Problem()</c>: which setting is wrong, in Vietnamese, never quoting a secret).
/// </summary>
public static class CheckedOptions
{
    public static IServiceCollection AddCheckedOptions<T>(this IServiceCollection services, IConfigurationSection section, Func<T, string?> problem) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new Rule<T>(problem));
        services.AddOptions<T>().Bind(section).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    private sealed class Rule<T>(Func<T, string?> problem) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problem(options) is { } wrong ? ValidateOptionsResult.Fail(wrong) : ValidateOptionsResult.Success;
    }
}
