using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ThiDua.Bot.Channels.Telegram;
using ThiDua.Bot.Hosting;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;
using ThiDua.Core.Tests;

namespace ThiDua.Bot.Tests.Telegram;

/// <summary>The Telegram adapter's own rules, without a server: button data limits, markup escaping, and staying off without a token.</summary>
public sealed class TelegramUnitTests
{
    [Fact]
    public void Button_data_longer_than_64_bytes_travels_as_a_short_stored_id_and_comes_back_whole()
    {
        using var db = new BotDatabase(new MemoryStream());
        var buttons = new TelegramButtons(db);
        var longData = "n|open|" + string.Join('|', Enumerable.Repeat("Điện Biên Phủ", 6));
        var keyboard = buttons.Keyboard([[new Button("Mở", longData), new Button("Ngắn", "q|dl|lao-cai-217")]])!;
        var sent = keyboard.InlineKeyboard.Single().Select(b => b.CallbackData!).ToList();

        Assert.All(sent, d => Assert.InRange(Encoding.UTF8.GetByteCount(d), 1, 64));
        Assert.Equal("q|dl|lao-cai-217", sent[1]);
        Assert.Equal(longData, buttons.Resolve(sent[0]));
        // The same data always maps to the same id; a forged id is passed on as it is (the core calls it stale).
        Assert.Equal(sent[0], buttons.CallbackData(longData));
        Assert.Equal("~forged", buttons.Resolve("~forged"));
    }

    [Theory]
    [InlineData("<b>đậm</b> & <script>", "&lt;b&gt;đậm&lt;/b&gt; &amp; &lt;script&gt;")]
    [InlineData("Hạn: 30/6/2024 — còn 7 ngày", "Hạn: 30/6/2024 — còn 7 ngày")]
    public void Text_is_escaped_for_HTML_parse_mode_and_Vietnamese_is_left_as_it_is(string text, string html) =>
        Assert.Equal(html, TelegramHtml.Escape(text));

    [Fact]
    public void Without_a_token_nothing_of_Telegram_is_started()
    {
        using var temp = new TempDatabase();
        using var host = BotProgram.Build(CommandLine.Parse(["run", $"--Storage:DatabasePath={temp.Path}"]), TextReader.Null, TextWriter.Null);
        Assert.Null(host.Services.GetService<TelegramConnection>());
        Assert.DoesNotContain(host.Services.GetServices<ThiDua.Core.Outbox.IOutboxSender>(), s => s.Channel == "telegram");
    }
}
