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

/// <summary>Signed download links: valid until they expire, useless when forged or pointed outside the export folder.</summary>
public sealed class FileLinkTests
{
    [Fact]
    public async Task A_link_serves_its_file_until_it_expires_and_nothing_else()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var db = new BotDatabase(new MemoryStream());
        Directory.CreateDirectory(db.ExportFolder);
        var file = Path.Combine(db.ExportFolder, $"trich-ngang-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, "PK-test"u8.ToArray());
        try
        {
            var links = new ThiDua.Bot.Hosting.FileLinks(db, time, "https://bot.example.vn/");
            var link = links.LinkFor(file)!;
            Assert.StartsWith("https://bot.example.vn/tai/", link);
            Assert.Null(links.LinkFor("/etc/passwd"));

            async Task<(int Status, string Body)> Get(string url)
            {
                var parts = new Uri(url).AbsolutePath.Split('/');
                var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
                context.Request.RouteValues["expires"] = parts[2];
                context.Request.RouteValues["signature"] = parts[3];
                context.Request.RouteValues["name"] = Uri.UnescapeDataString(parts[4]);
                var body = new MemoryStream();
                context.Response.Body = body;
                await links.HandleAsync(context);
                return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
            }

            Assert.Equal((200, "PK-test"), await Get(link));
            Assert.Equal(403, (await Get(link.Replace("/tai/", "/tai/1", StringComparison.Ordinal))).Status);
            time.Advance(TimeSpan.FromHours(25));
            var expired = await Get(link);
            Assert.Equal(410, expired.Status);
            Assert.Contains("hết hạn", expired.Body);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
