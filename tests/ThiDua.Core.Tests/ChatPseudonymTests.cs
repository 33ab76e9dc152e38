using ThiDua.Core.Storage;

namespace ThiDua.Core.Tests;

/// <summary>How logs name a chat: the same name for the same chat across restarts of one database, unrelated names elsewhere.</summary>
public sealed class ChatPseudonymTests
{
    [Fact]
    public void A_chat_keeps_its_pseudonym_across_restarts_and_another_database_names_it_differently()
    {
        using var file = new TempDatabase();
        string first;
        using (var db = new BotDatabase(file.Path))
        {
            first = db.Pseudonyms.OfChat("telegram", "7712345678");
            Assert.Matches("^#[0-9a-f]{10}$", first);
            Assert.Equal(first, db.Pseudonyms.Of("telegram:7712345678"));
            Assert.NotEqual(first, db.Pseudonyms.OfChat("telegram", "7712345679"));
            Assert.DoesNotContain("7712345678", first);
        }
        using (var again = new BotDatabase(file.Path))
            Assert.Equal(first, again.Pseudonyms.OfChat("telegram", "7712345678"));
        using var other = new BotDatabase(new MemoryStream());
        Assert.NotEqual(first, other.Pseudonyms.OfChat("telegram", "7712345678"));
    }
}
