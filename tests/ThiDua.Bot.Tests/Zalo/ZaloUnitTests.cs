using System.Text.Json;
using ThiDua.Bot.Channels.Zalo;
using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Bot.Tests.Zalo;

/// <summary>Reading Zalo's payloads as they come, and the numbered menu that stands in for buttons.</summary>
public sealed class ZaloUnitTests
{
    private static ZaloEvent? Parse(string json) => ZaloEvent.Parse(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Events_are_read_wrapped_or_bare_with_string_or_numeric_ids_and_junk_is_null()
    {
        var bare = Parse("""{"event_name":"message.text.received","message":{"message_id":"abc","date":1,"chat":{"id":"c1","chat_type":"PRIVATE"},"from":{"id":"u1","display_name":"Lan"},"text":"xin chào"}}""");
        var wrapped = Parse("""{"ok":true,"result":{"message":{"message_id":12345,"chat":{"id":987,"chat_type":"GROUP"},"from":{"id":"u2","first_name":"Bình"},"text":"/kehoach"}}}""");
        var photo = Parse("""{"event_name":"message.image.received","message":{"message_id":"p1","chat":{"id":"c1"},"from":{"id":"u1"},"photo_url":"https://x/y.jpg","caption":"Tờ trình"}}""");

        Assert.Equal(new ZaloEvent(ZaloEvent.TextReceived, "abc", "c1", false, "u1", "Lan", "xin chào", null), bare);
        Assert.Equal(("12345", "987", true, "Bình", "/kehoach"), (wrapped!.MessageId, wrapped.ChatId, wrapped.IsGroup, wrapped.UserName, wrapped.Text));
        Assert.Equal((ZaloEvent.ImageReceived, "https://x/y.jpg", "Tờ trình"), (photo!.EventName, photo.PhotoUrl, photo.Text));
        foreach (var junk in new[] { "[]", "{}", """{"ok":true,"result":null}""", """{"message":{"text":"no ids"}}""", """{"message":{"message_id":"x","chat":"oops"}}""" })
            Assert.Null(Parse(junk));
    }

    [Fact]
    public void A_menu_maps_numbers_and_labels_back_to_the_last_buttons_of_that_chat_only()
    {
        using var db = new BotDatabase(new MemoryStream());
        var menus = new ZaloMenus(db);
        var text = menus.Render("c1", "Chọn:", [[new Button("Nộp", "n|submit|1"), new Button("Sửa", "n|edit|1")], [new Button("Rút đề nghị", "n|withdraw|1")]]);

        Assert.EndsWith("1. Nộp\n2. Sửa\n3. Rút đề nghị\nTrả lời 1, 2 hoặc 3.", text);
        Assert.Equal("n|edit|1", menus.Pick("c1", "2"));
        Assert.Equal("n|withdraw|1", menus.Pick("c1", "rut de nghi"));
        Assert.Null(menus.Pick("c1", "4"));
        Assert.Null(menus.Pick("c2", "1"));
        Assert.Null(menus.Pick("c1", "hồ sơ Lào Cai gồm gì"));
        Assert.Equal("Không có nút", menus.Render("c1", "Không có nút", []));
    }
}
