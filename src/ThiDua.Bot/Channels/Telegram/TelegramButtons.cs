using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Telegram.Bot.Types.ReplyMarkups;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Channels.Telegram;

public sealed class StoredButton
{
    [BsonId] public string Id { get; set; } = "";
    public string Data { get; set; } = "";
}

/// <summary>
/// Buttons as inline keyboards. Telegram carries at most 64 bytes of callback data: longer data is kept in
/// LiteDB under a short hash ("~…") and looked up when pressed. The same data always gets the same hash.
/// </summary>
public sealed class TelegramButtons(BotDatabase db)
{
    public const int MaxCallbackBytes = 64;
    private const char StoredMark = '~';
    private readonly ILiteCollection<StoredButton> _stored = db.Collection<StoredButton>("telegram_buttons");

    public InlineKeyboardMarkup? Keyboard(IReadOnlyList<IReadOnlyList<Button>> rows) => rows.Count == 0
        ? null
        : new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(Label(b.Text), CallbackData(b.Data)))));

    public string CallbackData(string data)
    {
        if (Encoding.UTF8.GetByteCount(data) <= MaxCallbackBytes && !data.StartsWith(StoredMark)) return data;
        var id = StoredMark + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(data)), 0, 18).Replace('+', '-').Replace('/', '_');
        if (_stored.FindById(id) is null) _stored.Upsert(new StoredButton { Id = id, Data = data });
        return id;
    }

    /// <summary>The button's real data; unknown stored ids come back as they are, and the core calls them stale.</summary>
    public string Resolve(string callbackData) =>
        callbackData.StartsWith(StoredMark) && _stored.FindById(callbackData) is { } stored ? stored.Data : callbackData;

    /// <summary>Telegram refuses empty labels; very long ones are cut.</summary>
    private static string Label(string text) => text.Length == 0 ? "•" : ThiDua.Core.Text.TextFit.Shorten(text, 60);
}
