using LiteDB;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Channels.Telegram;

public sealed class TelegramChat
{
    [BsonId] public string Id { get; set; } = "";
    public bool Inactive { get; set; }
    public DateTime ChangedAt { get; set; }
}

/// <summary>Chats that blocked the bot (a 403, or Telegram telling us): nothing more is sent until they write again.</summary>
public sealed class TelegramChats(BotDatabase db, TimeProvider time)
{
    private readonly ILiteCollection<TelegramChat> _chats = db.Collection<TelegramChat>("telegram_chats");

    public bool IsInactive(string chatId) => _chats.FindById(chatId)?.Inactive == true;

    public void Mark(string chatId, bool active)
    {
        if (active && _chats.FindById(chatId) is null) return;
        _chats.Upsert(new TelegramChat { Id = chatId, Inactive = !active, ChangedAt = time.GetUtcNow().UtcDateTime });
    }
}
