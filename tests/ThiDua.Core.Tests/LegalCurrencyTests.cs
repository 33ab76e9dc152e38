using ThiDua.Core.Answers;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Legal;
using ThiDua.Core.Questions;

namespace ThiDua.Core.Tests;

/// <summary>What changed since the 2024 plans is said only once "now" is past the change; the law's rules carry their sources.</summary>
public class LegalCurrencyTests
{
    private static readonly KnowledgeBase Knowledge = TestBot.LoadKnowledge(TimeProvider.System);
    private static readonly DateOnly In2024 = new(2024, 4, 20);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static string Answer(string campaignId, QuestionKind kind, DateOnly today) =>
        CampaignAnswers.Answer(new AnswerRequest(Knowledge.Find(campaignId)!, kind, today) { Legal = Knowledge.Legal }).Text;

    [Fact]
    public void Every_legal_fact_names_its_source_document_and_article()
    {
        var (legal, errors) = LegalKnowledge.Load(TestBot.DataFolder, Knowledge.Glossary);
        Assert.Empty(errors);
        Assert.NotEmpty(legal.Changes);
        Assert.NotEmpty(legal.Rules);
        Assert.All(legal.Changes, c => Assert.False(string.IsNullOrWhiteSpace(c.Source.Document) || string.IsNullOrWhiteSpace(c.Source.Article), c.Id));
        Assert.All(legal.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source.Document) || string.IsNullOrWhiteSpace(r.Source.Article), r.Id));
        // An article that could not be verified is left out, never guessed or marked "to check".
        Assert.DoesNotContain(legal.Changes.Select(c => c.Source.Article).Concat(legal.Rules.Select(r => r.Source.Article)), a => a.Contains("chưa xác minh số điều", StringComparison.Ordinal));
    }

    [Fact]
    public void The_decree_note_appears_only_after_1_July_2025()
    {
        const string note = "Nghị định 98/2023/NĐ-CP đã hết hiệu lực";
        Assert.DoesNotContain(note, Answer("dien-bien-1023", QuestionKind.LegalBasis, In2024));
        Assert.DoesNotContain(note, Answer("dien-bien-1023", QuestionKind.LegalBasis, new DateOnly(2025, 6, 30)));
        Assert.Contains(note, Answer("dien-bien-1023", QuestionKind.LegalBasis, new DateOnly(2025, 7, 1)));
        Assert.Contains(note, Answer("dien-bien-1023", QuestionKind.LegalBasis, Today));
    }

    public static TheoryData<string, string> PlansNamingChangedBodies() => new()
    {
        { "duong-kinh-70-gphp", "Quận Dương Kinh không còn" },
        { "cam-phu-70-dbp", "Cam Ranh" },
        { "hai-duong-70-dbp", "Hải Dương và thành phố Hải Phòng" },
    };

    [Theory]
    [MemberData(nameof(PlansNamingChangedBodies))]
    public void Plans_naming_a_body_that_changed_get_the_note_only_today(string campaignId, string noteFragment)
    {
        foreach (var kind in new[] { QuestionKind.Overview, QuestionKind.Dossier, QuestionKind.Deadlines })
        {
            Assert.DoesNotContain("Lưu ý: ", Answer(campaignId, kind, In2024).Replace("Lưu ý: kế hoạch này", "", StringComparison.Ordinal));
            Assert.Contains(noteFragment, Answer(campaignId, kind, Today));
        }
    }

    [Fact]
    public void No_answer_in_2024_carries_a_note_about_a_later_change()
    {
        var notes = Knowledge.Legal.Changes.Select(c => c.Note).ToList();
        foreach (var campaign in Knowledge.Campaigns)
            foreach (var kind in Enum.GetValues<QuestionKind>().Where(k => k is not QuestionKind.None and not QuestionKind.ListCampaigns))
            {
                var text = Answer(campaign.Id, kind, In2024);
                Assert.DoesNotContain(notes, n => text.Contains(n, StringComparison.Ordinal));
            }
    }

    [Fact]
    public void Which_decree_applies_depends_on_the_date()
    {
        using var then = new TestBot(TestBot.April2024);
        var in2024 = then.Ask("nghị định nào đang áp dụng?");
        Assert.Contains("98/2023/NĐ-CP", in2024.Text);
        Assert.DoesNotContain("152/2025", in2024.Text);

        using var now = new TestBot(TestBot.Today2026);
        var today = now.Ask("nghi dinh nao dang ap dung");
        Assert.Contains("152/2025/NĐ-CP", today.Text);
        Assert.Contains("quy định chung của pháp luật", today.Text);
        Assert.Contains("(Theo Điều 59", today.Text);
    }

    [Theory]
    [InlineData("huyện còn xét giấy khen không?", "Chủ tịch UBND cấp xã")]
    [InlineData("hồ sơ khen đột xuất gồm gì?", "Điều 84")]
    [InlineData("khen thưởng công trạng và đột xuất khác nhau thế nào?", "Điều 8")]
    public void Law_questions_get_a_direct_answer_with_the_reference(string question, string expected)
    {
        using var bot = new TestBot(TestBot.Today2026);
        var reply = bot.Ask(question);
        Assert.Contains(expected, reply.Text);
        Assert.Contains("không phải của một kế hoạch", reply.Text);
    }

    [Fact]
    public void A_plan_without_a_dossier_list_falls_back_to_the_law_labelled_as_such()
    {
        var text = Answer("dien-bien-1023", QuestionKind.Dossier, Today);
        Assert.Contains("Kế hoạch không nêu thành phần hồ sơ", text);
        Assert.Contains("Quy định chung (của luật, không phải của kế hoạch)", text);
        Assert.Contains("Điều 84", text);
    }
}
