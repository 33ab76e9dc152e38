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
    /// <param name="after">What the host sets itself once the section is read (a flag from another setting).</param>
    public static IServiceCollection AddCheckedOptions<T>(this IServiceCollection services, IConfigurationSection section, Func<T, string?> problem, Action<T>? after = null) where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new Rule<T>(problem));
        services.AddOptions<T>().Configure(o => Bind(section, o)).PostConfigure(o => after?.Invoke(o)).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }

    /// <summary>A value the binder cannot convert ("SendAt=25:99") is a wrong setting like any other: named, not a stack trace.</summary>
    private static void Bind<T>(IConfigurationSection section, T options) where T : class
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(section.Path, typeof(T), [$"Cấu hình {section.Path} không hợp lệ: {ex.Message}"]);
        }
    }

    private sealed class Rule<T>(Func<T, string?> problem) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problem(options) is { } wrong ? ValidateOptionsResult.Fail(wrong) : ValidateOptionsResult.Success;
    }
}
