using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, item 9: wrong invitation and link codes are limited per identity and per hour; past the limit
/// even a right code waits, and each wrong try is logged.
/// </summary>
public sealed class CodeAttemptTests
{
    [Fact]
    public async Task After_five_wrong_codes_in_an_hour_even_a_right_one_waits_and_others_are_not_affected()
    {
        using var t = new Transcript();
        var code = await t.Invite("admin", "/moi UBND xã Bản Vược");
        for (var i = 1; i <= 5; i++)
            Assert.Contains("không đúng hoặc đã hết hạn", FirstText(await t.Say("guesser", i % 2 == 0 ? $"/lienket ZZZZZZ{i:00}" : $"/start AAAAAA{i:00}")));
        var blocked = FirstText(await t.Say("guesser", $"/start {code}"));
        Assert.Contains("sai mã 5 lần trong một giờ", blocked);
        Assert.Contains("Thử lại sau 10:00", blocked);
        Assert.Contains("Mã mời hợp lệ", FirstText(await t.Say("other", $"/start {code}")));

        await t.Bot.SendAsync(new { clock = "2024-05-02T10:01:00+07:00" });
        Assert.Contains("Mã mời hợp lệ", FirstText(await t.Say("guesser", $"/start {code}")));

        using var db = t.Stored();
        Assert.Equal(5, db.CodeAttempts.FindById("script:guesser").Failures.Count);
        // Logged with the chat's pseudonym (a keyed hash kept in this database), never its key.
        Assert.Contains($"Từ chối mã mời sai (5/5 trong một giờ) của {db.Pseudonyms.Of("script:guesser")}", t.Bot.Errors);
        Assert.DoesNotContain("script:guesser", t.Bot.Errors);
    }
}
