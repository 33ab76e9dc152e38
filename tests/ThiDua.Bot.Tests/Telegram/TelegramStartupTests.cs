using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>Telegram settings that cannot work stop the bot at start with a message naming the setting, never its secret value.</summary>
public sealed class TelegramStartupTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("--Telegram:Token=khong-phai-token-SECRETVALUE", "Telegram:Token không đúng dạng")]
    [InlineData("--Telegram:WebhookUrl=https://bot.example.vn/hook", "Telegram:WebhookSecret")]
    [InlineData("--Telegram:ApiBaseUrl=ftp://SECRETVALUE", "Telegram:ApiBaseUrl")]
    public async Task A_bad_telegram_setting_stops_the_start_with_a_clear_message(string setting, string expected)
    {
        var token = setting.Contains("Token=", StringComparison.Ordinal) ? [] : new[] { "--Telegram:Token=123:abcSECRETVALUE" };
        using var process = BotProcess.Start([.. token, setting, $"--Storage:DatabasePath={_db.Path}"]);
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain("abcSECRETVALUE", errors);
        Assert.DoesNotContain("khong-phai-token-SECRETVALUE", errors);
    }
}
