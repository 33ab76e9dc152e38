using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Tests.Answering;

/// <summary>Initials of the loaded plans' places become terms only where they can mean one thing.</summary>
public class PlaceInitialsTests
{
    private static readonly Campaign Seed = TestBot.LoadKnowledge(TimeProvider.System).Campaigns[0];
    private static readonly Glossary Empty = new([]);

    private static Campaign In(string province) => Seed with { Area = new Area { Province = province } };

    [Fact]
    public void A_province_of_two_syllables_gets_its_initials()
    {
        var entry = Assert.Single(PlaceInitials.For([In("Thái Nguyên")], Empty));

        Assert.Equal(["tn"], entry.Terms);
        Assert.Equal("thai nguyen", entry.Means);
    }

    [Fact]
    public void Initials_two_places_share_document_abbreviations_and_glossary_terms_are_left_alone()
    {
        // "tn": Thái Nguyên and Tây Ninh; "hd" is how "836/HD-BNV" writes hướng dẫn; the glossary already means "lc".
        var glossary = new Glossary([new GlossaryEntry(["lc"], "lao cai")]);

        Assert.Empty(PlaceInitials.For([In("Thái Nguyên"), In("Tây Ninh"), In("Hải Dương"), In("Lào Cai")], glossary));
    }
}
