using System.Text;
using LiteDB;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;
using ThiDua.Core.Text;

namespace ThiDua.Bot.Channels.Zalo;

public sealed class ZaloMenu
{
    [BsonId] public string ChatId { get; set; } = "";
    public List<ZaloOption> Options { get; set; } = [];
}

public sealed class ZaloOption
{
    public string Text { get; set; } = "";
    public string Data { get; set; } = "";
}

/// <summary>
/// Zalo has no inline buttons: a reply's buttons become a numbered text menu ("Trả lời 1, 2 hoặc 3"), and the
/// officer's "2" (or the option's own words) is mapped back to that button's data for the chat's last menu.
/// </summary>
public sealed class ZaloMenus(BotDatabase db)
{
    private readonly ILiteCollection<ZaloMenu> _menus = db.Collection<ZaloMenu>("zalo_menus");

    /// <summary>The text with its buttons as a numbered list; remembers them as the chat's current menu.</summary>
    public string Render(string chatId, string text, IReadOnlyList<IReadOnlyList<Button>> buttons)
    {
        var options = buttons.SelectMany(row => row).ToList();
        if (options.Count == 0) return text;
        _menus.Upsert(new ZaloMenu { ChatId = chatId, Options = [.. options.Select(o => new ZaloOption { Text = o.Text, Data = o.Data })] });
        var menu = new StringBuilder(text).Append("\n\n");
        for (var i = 0; i < options.Count; i++) menu.Append(i + 1).Append(". ").Append(options[i].Text).Append('\n');
        menu.Append(options.Count == 1 ? "Trả lời 1 để chọn." : $"Trả lời {string.Join(", ", Enumerable.Range(1, options.Count - 1))} hoặc {options.Count}.");
        return menu.ToString();
    }

    /// <summary>The button a reply names: its number, or its label's words; null when the text is not a pick.</summary>
    public string? Pick(string chatId, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || _menus.FindById(chatId) is not { Options.Count: > 0 } menu) return null;
        var said = text.Trim().TrimEnd('.', ')');
        if (int.TryParse(said, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
            return n >= 1 && n <= menu.Options.Count ? menu.Options[n - 1].Data : null;
        var folded = VietnameseText.Fold(said);
        var matches = menu.Options.Where(o => VietnameseText.Fold(o.Text).Trim() == folded).ToList();
        return matches.Count == 1 ? matches[0].Data : null;
    }
}
