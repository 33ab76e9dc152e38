using ThiDua.Core.Access;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Tests;

/// <summary>Profiles, registrations and forms are read through a cache: it must never answer with what is no longer, or not yet, stored.</summary>
public class ByIdCacheTests
{
    private static BotDatabase NewDatabase() => new(new MemoryStream());

    [Fact]
    public void A_write_is_seen_by_the_next_read_and_a_missing_record_is_not_remembered_as_missing()
    {
        using var db = NewDatabase();
        Assert.Null(db.Officer("test:1"));
        db.Officers.Upsert(new OfficerProfile { UserKey = "test:1", Name = "Lan" });
        Assert.Equal("Lan", db.Officer("test:1")?.Name);
        db.Officers.Update(new OfficerProfile { UserKey = "test:1", Name = "Hoa" });
        Assert.Equal("Hoa", db.Officer("test:1")?.Name);
        db.Officers.Delete("test:1");
        Assert.Null(db.Officer("test:1"));
        db.Officers.Insert(new OfficerProfile { UserKey = "test:1", Name = "Mai" });
        db.Officers.DeleteMany(p => p.Name == "Mai");
        Assert.Null(db.Officer("test:1"));
    }

    [Fact]
    public void A_caller_changing_what_it_read_does_not_change_what_the_next_caller_reads()
    {
        using var db = NewDatabase();
        db.Officers.Upsert(new OfficerProfile { UserKey = "test:1", Name = "Lan", Scopes = ["a"] });
        var first = db.Officer("test:1")!;
        first.Name = "đổi";
        first.Scopes.Add("b");
        var second = db.Officer("test:1")!;
        Assert.Equal("Lan", second.Name);
        Assert.Equal(["a"], second.Scopes);
    }

    [Fact]
    public void An_id_read_in_another_case_is_forgotten_too_when_the_record_is_written()
    {
        using var db = NewDatabase();
        db.Registrations.Upsert(new Registration { UserKey = "test:abc", Name = "Lan" });
        // LiteDB matches ids ignoring case, and so does the cache.
        Assert.Equal("Lan", db.RegistrationOf("TEST:ABC")?.Name);
        db.Registrations.Upsert(new Registration { UserKey = "test:abc", Name = "Hoa" });
        Assert.Equal("Hoa", db.RegistrationOf("TEST:ABC")?.Name);
    }

    [Fact]
    public void A_rolled_back_transaction_is_not_seen()
    {
        using var db = NewDatabase();
        db.Forms.Upsert(new Nominations.NominationForm { Key = "test:1", NomineeName = "Lan" });
        Assert.Equal("Lan", db.FormOf("test:1")?.NomineeName);
        Assert.Throws<InvalidOperationException>(() => db.InTransaction<int>(() =>
        {
            db.Forms.Upsert(new Nominations.NominationForm { Key = "test:1", NomineeName = "Hoa" });
            db.Officers.Upsert(new OfficerProfile { UserKey = "test:2", Name = "Mai" });
            // Inside, the transaction sees its own writes...
            Assert.Equal("Hoa", db.FormOf("test:1")?.NomineeName);
            Assert.Equal("Mai", db.Officer("test:2")?.Name);
            throw new InvalidOperationException("bỏ");
        }));
        // ...and after the rollback nothing of them is left, in the file or in the cache.
        Assert.Equal("Lan", db.FormOf("test:1")?.NomineeName);
        Assert.Null(db.Officer("test:2"));
    }

    [Fact]
    public async Task Another_threads_uncommitted_write_is_neither_seen_nor_cached()
    {
        using var db = NewDatabase();
        db.Officers.Upsert(new OfficerProfile { UserKey = "test:1", Name = "Lan" });
        Assert.Equal("Lan", db.Officer("test:1")?.Name);
        using var written = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var transaction = Task.Run(() => db.InTransaction(() =>
        {
            db.Officers.Upsert(new OfficerProfile { UserKey = "test:1", Name = "Hoa" });
            written.Set();
            release.Wait();
            return 0;
        }));
        written.Wait();
        // A read while the transaction is under way waits for it (a miss is read under the write lock): it never
        // answers "Hoa" before the commit, and never keeps "Lan" after it.
        var reading = Task.Run(() => db.Officer("test:1")?.Name);
        var first = await Task.WhenAny(reading, Task.Delay(200));
        Assert.NotSame(reading, first);
        release.Set();
        await transaction;
        Assert.Equal("Hoa", await reading);
        Assert.Equal("Hoa", db.Officer("test:1")?.Name);
    }

    [Fact]
    public void A_read_inside_a_transaction_that_commits_is_read_again_after_it()
    {
        using var db = NewDatabase();
        db.InTransaction(() =>
        {
            db.Officers.Upsert(new OfficerProfile { UserKey = "test:1", Name = "Lan" });
            return db.Officer("test:1");
        });
        Assert.Equal("Lan", db.Officer("test:1")?.Name);
        db.Officers.Upsert(new OfficerProfile { UserKey = "test:1", Name = "Hoa" });
        Assert.Equal("Hoa", db.Officer("test:1")?.Name);
    }
}
