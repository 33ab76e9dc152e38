using ThiDua.Bot.Hosting;

namespace ThiDua.Bot.Tests;

public class CommandLineTests
{
    [Fact]
    public void Switches_are_taken_out_before_configuration_is_built()
    {
        var line = CommandLine.Parse(["chat", "--jsonl", "--now", "2024-04-20T09:00:00+07:00", "--Storage:DatabasePath=/tmp/x.db"]);
        Assert.Equal("chat", line.Verb);
        Assert.True(line.Jsonl);
        Assert.Equal("2024-04-20T09:00:00+07:00", line.Now);
        Assert.Equal(["--Storage:DatabasePath=/tmp/x.db"], line.ConfigurationArgs);
    }

    [Fact]
    public void Now_is_not_read_as_the_value_of_jsonl_in_any_order()
    {
        var line = CommandLine.Parse(["chat", "--now=2024-06-23T08:00:00+07:00", "--jsonl"]);
        Assert.True(line.Jsonl);
        Assert.Equal("2024-06-23T08:00:00+07:00", line.Now);
        Assert.Empty(line.ConfigurationArgs);
    }

    [Fact]
    public void Configuration_overrides_keep_their_space_separated_values()
    {
        var line = CommandLine.Parse(["--Storage:DatabasePath", "/tmp/y.db", "Telegram:Token=abc"]);
        Assert.Equal("run", line.Verb);
        Assert.Equal(["--Storage:DatabasePath", "/tmp/y.db", "Telegram:Token=abc"], line.ConfigurationArgs);
    }

    [Fact]
    public void Import_takes_a_file_and_an_output()
    {
        var line = CommandLine.Parse(["import", "plan.docx", "--out", "data/campaigns/x.json"]);
        Assert.Equal("import", line.Verb);
        Assert.Equal(["plan.docx"], line.Positional);
        Assert.Equal("data/campaigns/x.json", line.Out);
    }

    [Fact]
    public void Now_without_a_value_is_a_clear_error() =>
        Assert.Contains("--now", Assert.Throws<CommandLineException>(() => CommandLine.Parse(["chat", "--jsonl", "--now"])).Message);

    [Theory]
    [InlineData("2024-04-20T09:00:00+07:00", "2024-04-20T02:00:00Z")]
    [InlineData("2024-04-20T09:00:00", "2024-04-20T02:00:00Z")]
    [InlineData("2024-04-20T02:00:00Z", "2024-04-20T02:00:00Z")]
    public void Clock_override_without_an_offset_means_Vietnamese_time(string value, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), ClockSetup.ParseNow(value));

    [Fact]
    public void A_malformed_clock_override_is_refused_with_the_value_named() =>
        Assert.Contains("hôm qua", Assert.Throws<CommandLineException>(() => ClockSetup.ParseNow("hôm qua")).Message);
}
