using System.Text;

namespace ThiDua.Bot.Channels.Telegram;

/// <summary>
/// The core writes plain text; Telegram gets it in HTML parse mode with every &lt;, &gt; and &amp; escaped (the
/// three the Bot API requires), so nothing a user typed and the bot quotes back can break or inject markup.
/// </summary>
public static class TelegramHtml
{
    /// <summary>Captions of files are limited to 1,024 characters.</summary>
    public const int MaxCaption = 1024;

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0) return text;
        var html = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '&' => html.Append("&amp;"),
                _ => html.Append(c),
            };
        }
        return html.ToString();
    }

    public static string Caption(string text) => Escape(ThiDua.Core.Text.TextFit.Shorten(text, MaxCaption));
}
