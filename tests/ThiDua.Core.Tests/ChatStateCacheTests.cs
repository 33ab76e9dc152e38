using ThiDua.Core.Storage;

namespace ThiDua.Core.Tests;

/// <summary>Chat contexts are saved in batches: one record the database refuses fails alone.</summary>
public class ChatStateCacheTests
{
    [Fact]
    public void A_record_the_database_refuses_is_dropped_and_the_rest_of_the_batch_is_saved()
    {
        using var temp = new TempDatabase();
        using (var db = new BotDatabase(temp.Path))
        {
            db.ChatStates.Save(new ChatState { Key = "test:c1", CampaignId = "lao-cai-217" });
            // Over LiteDB's 1,023-byte key limit: no channel should let it through, and if one does it harms no one.
            db.ChatStates.Save(new ChatState { Key = "test:" + new string('x', 2_000), CampaignId = "hai-duong-70-dbp" });
            db.ChatStates.Save(new ChatState { Key = "test:c2", CampaignId = "dien-bien-1023" });
            db.ChatStates.Flush();
            Assert.Equal(1, db.ChatStates.Dropped);
            db.ChatStates.Save(new ChatState { Key = "test:c3", CampaignId = "cam-phu-70-dbp" });
            db.ChatStates.Flush();
            Assert.Equal(1, db.ChatStates.Dropped);
        }
        using var reopened = new BotDatabase(temp.Path);
        Assert.Equal("lao-cai-217", reopened.ChatStates.Get("test:c1").CampaignId);
        Assert.Equal("dien-bien-1023", reopened.ChatStates.Get("test:c2").CampaignId);
        Assert.Equal("cam-phu-70-dbp", reopened.ChatStates.Get("test:c3").CampaignId);
    }
}
