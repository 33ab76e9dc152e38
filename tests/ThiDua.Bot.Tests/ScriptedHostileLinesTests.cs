using System.Text.Json;

namespace ThiDua.Bot.Tests;

/// <summary>Lines that used to stop the scripted host: each gets its own error line, and the next line is answered.</summary>
public class ScriptedHostileLinesTests
{
    private const string Ask = """{"chat":"c1","text":"thời gian thi đua lào cai"}""";

    [Theory]
    [InlineData("""{"chat":"c1","text":"\ud800"}""", "ký tự không hợp lệ")]
    [InlineData("""{"chat":"c1","text":"a\udfffb"}""", "ký tự không hợp lệ")]
    [InlineData("""{"chat":"\ud83d","text":"xin chào"}""", "ký tự không hợp lệ")]
    [InlineData("""{"clock":"2024-06-22T08:00:00+07:00\ud800"}""", "ký tự không hợp lệ")]
    [InlineData("""{"chat":"c1","file":""}""", "không hợp lệ")]
    [InlineData("""{"chat":"c1","text":"hỏi","clock":"2024-06-22T08:00:00+07:00"}""", "không kèm \"chat\"")]
    public async Task A_malformed_line_gets_its_error_and_the_host_goes_on(string hostile, string error)
    {
        var output = await ScriptedChannelTests.RunScriptAsync("2024-04-20T09:00:00+07:00", hostile, Ask);
        Assert.Equal(2, output.Count);
        Assert.Contains(error, output[0].GetProperty("error").GetString());
        Assert.Contains("10/4/2024", output[1].GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_line_over_the_limit_is_refused_by_its_length_without_being_kept_and_a_bare_CR_stays_inside_its_line()
    {
        var huge = JsonSerializer.Serialize(new { chat = "c1", text = new string('a', 3_000_000) });
        var withCr = """{"chat":"c1","text":"thời gian thi đua""" + "\r" + """ lào cai"}""";
        var output = await ScriptedChannelTests.RunScriptAsync("2024-04-20T09:00:00+07:00", huge, withCr, Ask);
        Assert.Equal(3, output.Count);
        Assert.Contains("dòng dài quá (3.000.0", output[0].GetProperty("error").GetString()!.Replace(',', '.'));
        // A raw CR is not allowed inside a JSON string: one line, so one error line (not two halves).
        Assert.Contains("JSON", output[1].GetProperty("error").GetString());
        Assert.Contains("10/4/2024", output[2].GetProperty("replies")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_id_too_long_to_be_a_key_is_refused_and_breaks_no_one_elses_messages()
    {
        var longChat = JsonSerializer.Serialize(new { chat = new string('x', 3_000), text = "xin chào" });
        var longUser = JsonSerializer.Serialize(new { chat = "c9", user = new string('u', 3_000), text = "xin chào" });
        var output = await ScriptedChannelTests.RunScriptAsync("2024-04-20T09:00:00+07:00", longChat, longUser, Ask, Ask);
        Assert.Equal(4, output.Count);
        Assert.Contains("\"chat\" dài quá (3.000 ký tự", output[0].GetProperty("error").GetString()!.Replace(',', '.'));
        Assert.Contains("\"user\" dài quá", output[1].GetProperty("error").GetString());
        Assert.All(output.Skip(2), o => Assert.Contains("10/4/2024", o.GetProperty("replies")[0].GetProperty("text").GetString()));
    }
}
