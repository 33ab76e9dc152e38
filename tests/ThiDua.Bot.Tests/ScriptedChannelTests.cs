using System.Text.Json;
using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Tests;

/// <summary>The `chat --jsonl` contract, run in process through the real host.</summary>
public class ScriptedChannelTests
{
    internal static async Task<List<JsonElement>> RunScriptAsync(string now, params string[] lines)
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-test-").FullName, "bot.db");
        try
        {
            using var input = new StringReader(string.Join('\n', lines) + "\n");
            using var output = new StringWriter();
            var exit = await BotProgram.RunAsync(["chat", "--jsonl", "--now", now, $"--Storage:DatabasePath={db}"], input, output);
            Assert.Equal(0, exit);
            return [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
        }
    }

    [Fact]
    public async Task Every_non_blank_line_gets_exactly_one_line_back()
    {
        var output = await RunScriptAsync("2024-04-20T09:00:00+07:00",
            """{"chat":"c1","text":"Có những kế hoạch thi đua nào?"}""",
            "",
            "   ",
            """{"chat":"c2","user":"u9","name":"Lan","text":"/start"}""");
        Assert.Equal(2, output.Count);
        Assert.Equal("c1", output[0].GetProperty("chat").GetString());
        Assert.Equal("c2", output[1].GetProperty("chat").GetString());
        Assert.Contains("Lan", output[1].GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Replies_carry_plain_text_and_button_rows()
    {
        var output = await RunScriptAsync("2024-04-20T09:00:00+07:00", """{"chat":"c1","text":"hồ sơ khen thưởng Lào Cai gồm những gì?"}""");
        var reply = output[0].GetProperty("replies")[0];
        Assert.Contains("Tờ trình", reply.GetProperty("text").GetString());
        var button = reply.GetProperty("buttons")[0][0];
        Assert.False(string.IsNullOrEmpty(button.GetProperty("text").GetString()));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(button.GetProperty("data").GetString()!) <= 64);
    }

    [Fact]
    public async Task A_button_from_an_earlier_run_still_works_and_forged_data_gets_a_polite_reply()
    {
        var first = await RunScriptAsync("2024-04-20T09:00:00+07:00", """{"chat":"c1","text":"tiêu chuẩn khen thưởng lào cai"}""");
        var data = first[0].GetProperty("replies")[0].GetProperty("buttons")[0][0].GetProperty("data").GetString()!;
        // A new process: nothing in memory, the button's data alone must carry the question.
        var second = await RunScriptAsync("2024-04-20T09:00:00+07:00",
            JsonSerializer.Serialize(new { chat = "c1", button = data }),
            """{"chat":"c1","button":"q|doss|khong-co-ke-hoach-nay"}""",
            """{"chat":"c1","button":"'; DROP TABLE chats; --"}""");
        Assert.Equal(3, second.Count);
        Assert.All(second, line => Assert.False(line.TryGetProperty("error", out _)));
        Assert.Contains("Lào Cai", second[0].GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Contains("không còn dùng được", second[1].GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"text":"thiếu chat"}""")]
    [InlineData("""{"chat":"c1"}""")]
    [InlineData("""{"chat":"c1","text":"a","button":"b"}""")]
    [InlineData("""{"chat":42,"text":"a"}""")]
    [InlineData("""{"chat":"c1","text":["a"]}""")]
    [InlineData("""{"chat":"c1","text":"a",""")]
    public async Task A_malformed_line_gets_an_error_line_and_the_run_goes_on(string bad)
    {
        var output = await RunScriptAsync("2024-04-20T09:00:00+07:00", bad, """{"chat":"c1","text":"/help"}""");
        Assert.Equal(2, output.Count);
        Assert.False(string.IsNullOrEmpty(output[0].GetProperty("error").GetString()));
        Assert.True(output[1].GetProperty("replies").GetArrayLength() >= 1);
    }

    [Fact]
    public async Task A_nomination_is_registered_with_a_file_and_exported_through_the_scripted_channel()
    {
        var pdf = Path.Combine(Path.GetTempPath(), $"to-trinh-{Guid.NewGuid():N}.pdf");
        await File.WriteAllTextAsync(pdf, "%PDF-1.4 test");
        try
        {
            var output = await RunScriptAsync("2024-05-01T09:00:00+07:00",
                """{"chat":"c1","text":"Đề nghị BK CT tỉnh cho đ/c Nguyễn Văn An, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ"}""",
                """{"chat":"c1","text":"Nguyễn Thị Lan"}""",
                """{"chat":"c1","text":"UBND xã X"}""",
                """{"chat":"c1","button":"f|ok"}""",
                JsonSerializer.Serialize(new { chat = "c1", file = pdf, caption = "Tờ trình" }),
                """{"chat":"c1","file":"/khong/co/tep.pdf"}""",
                """{"chat":"c1","text":"/xuat nháp"}""");
            Assert.Equal(7, output.Count);
            // First use: the officer's name and unit are asked once, then the nomination goes on as typed.
            Assert.Contains("Họ và tên", output[0].GetProperty("replies")[0].GetProperty("text").GetString());
            Assert.Contains("Nghị định 13/2023", output[0].GetProperty("replies")[0].GetProperty("text").GetString());
            Assert.Contains("Đã đăng ký: Nguyễn Thị Lan — UBND xã X", output[2].GetProperty("replies")[0].GetProperty("text").GetString());
            Assert.Contains("LC-2024-0001", output[3].GetProperty("replies")[0].GetProperty("text").GetString());
            Assert.Contains("✅ Tờ trình", output[4].GetProperty("replies")[0].GetProperty("text").GetString());
            Assert.Contains("không có tệp", output[5].GetProperty("error").GetString());
            var export = output[6].GetProperty("replies")[0].GetProperty("file").GetString()!;
            Assert.EndsWith(".xlsx", export);
            // Written beside the database, as README says (the run's folder is gone by now).
            Assert.Equal("exports", Path.GetFileName(Path.GetDirectoryName(export)));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    [Fact]
    public async Task Clock_lines_push_the_reminders_due_in_between_once_and_refuse_to_go_back()
    {
        var output = await RunScriptAsync("2024-06-20T09:00:00+07:00",
            """{"chat":"c1","button":"r|on|lao-cai-217"}""",
            """{"clock":"2024-06-22T08:00:00+07:00"}""",
            """{"clock":"2024-06-22T08:00:00+07:00"}""",
            """{"clock":"2024-06-21T08:00:00+07:00"}""",
            """{"clock":"không phải giờ"}""",
            """{"clock":"2024-06-29T08:00:00+07:00"}""");
        Assert.Equal(6, output.Count);
        var first = output[1];
        Assert.Equal("2024-06-22T08:00:00+07:00", first.GetProperty("clock").GetString());
        var pushed = Assert.Single(first.GetProperty("pushed").EnumerateArray());
        Assert.Equal("c1", pushed.GetProperty("chat").GetString());
        Assert.Contains("còn 7 ngày nữa", pushed.GetProperty("text").GetString());
        Assert.Equal(0, output[2].GetProperty("pushed").GetArrayLength());
        Assert.Contains("không lùi", output[3].GetProperty("error").GetString());
        Assert.True(output[4].TryGetProperty("error", out _));
        // 22/6 → 29/6 passes the 3-day, 1-day and same-day steps of the 29/6 report: one reminder, true on 29/6.
        var last = Assert.Single(output[5].GetProperty("pushed").EnumerateArray());
        Assert.Contains("hôm nay", last.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_clock_stays_frozen_at_the_given_instant()
    {
        var april = await RunScriptAsync("2024-04-20T09:00:00+07:00", """{"chat":"c1","text":"thời gian thi đua lào cai"}""");
        var now = await RunScriptAsync("2026-11-23T09:00:00+07:00", """{"chat":"c1","text":"thời gian thi đua lào cai"}""");
        Assert.Contains("đang diễn ra", april[0].GetProperty("replies")[0].GetProperty("text").GetString());
        Assert.Contains("đã kết thúc", now[0].GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Vietnamese_letters_are_written_unescaped()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("thidua-test-").FullName, "bot.db");
        using var input = new StringReader("""{"chat":"c1","text":"/start"}""" + "\n");
        using var output = new StringWriter();
        await BotProgram.RunAsync(["chat", "--jsonl", "--now", "2024-04-20T09:00:00+07:00", $"--Storage:DatabasePath={db}"], input, output);
        Directory.Delete(Path.GetDirectoryName(db)!, recursive: true);
        Assert.Contains("Xin chào", output.ToString());
        Assert.DoesNotContain("\\u", output.ToString());
    }
}
