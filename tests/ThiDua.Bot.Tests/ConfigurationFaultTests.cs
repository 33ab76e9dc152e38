using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests;

/// <summary>Settings that cannot work stop the start with a message naming the setting; nothing is written to the database.</summary>
public sealed class ConfigurationFaultTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Theory]
    [InlineData("--Reminders:SendAt=25:99", "Reminders")]
    [InlineData("--Reminders:OffsetsDays:0=bảy", "Reminders:OffsetsDays")]
    [InlineData("--Reminders:OffsetsDays:0=99", "Reminders:OffsetsDays")]
    [InlineData("--Reminders:Cron=mỗi sáng", "Reminders:Cron")]
    [InlineData("--Telegram:PollTimeoutSeconds=lâu", "Telegram")]
    [InlineData("--Telegram:Token=123:abc --Telegram:MaxConcurrentChats=0", "Telegram:MaxConcurrentChats")]
    [InlineData("--Zalo:Token=1:abc --Zalo:WebhookUrl=https://bot.example.vn/zalo", "Zalo:WebhookSecret")]
    [InlineData("--Zalo:Token=1:abc --Zalo:PublicBaseUrl=khong-phai-dia-chi", "Zalo:PublicBaseUrl")]
    [InlineData("--Storage:DatabasePath=", "Storage:DatabasePath")]
    [InlineData("--Knowledge:DataPath=/khong/co/thu-muc-nay", "/khong/co/thu-muc-nay")]
    [InlineData("--Clock:Now=hôm-qua", "hôm-qua")]
    [InlineData("--Clock:Now=9999-12-31T23:59:59+14:00", "năm 2000–2100")]
    [InlineData("--Clock:Now=0001-01-01T00:00:00+00:00", "năm 2000–2100")]
    [InlineData("--Clock:Now=2024-04-20T09:00:00\uFFFE", "không phải thời điểm")]
    public async Task A_bad_setting_is_named_in_a_clear_start_up_error(string settings, string named)
    {
        var args = settings.Split(' ').ToList();
        if (!settings.StartsWith("--Storage:DatabasePath", StringComparison.Ordinal)) args.Add($"--Storage:DatabasePath={_db.Path}");
        using var process = BotProcess.Start([.. args]);
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("không khởi động được", errors);
        Assert.Contains(named, errors);
        Assert.DoesNotContain("   at ", errors);
    }
}
