namespace ThiDua.Core.Tests.Answering;

/// <summary>"Kế hoạch X có nói đến … không": quoted when a sentence holds it, told "không nói đến" when none does.</summary>
public class NotInPlanTests
{
    [Fact]
    public void A_subject_no_sentence_of_the_named_plan_holds_is_said_absent_with_the_plan_that_holds_it()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Kế hoạch Lào Cai có nói về bình đẳng giới không?");

        Assert.StartsWith("Kế hoạch Lào Cai – thi đua cao điểm 70 năm ĐBP, 80 năm QĐND không nói đến “bình đẳng giới”", reply.Text);
        Assert.Contains("Kế hoạch có nhắc đến: Điện Biên", reply.Text);
        Assert.StartsWith("Tóm tắt kế hoạch — Điện Biên", bot.Press(reply, "Điện Biên").Text);
    }

    [Fact]
    public void The_phrase_is_quoted_as_the_officer_wrote_it()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch hải dương có nhắc đến cải cách hành chính không");

        Assert.Contains("không nói đến “cải cách hành chính”", reply.Text);
    }

    [Fact]
    public void A_subject_the_plan_holds_is_quoted_from_its_sentence()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("Lào Cai có nói về Giơ-ne-vơ không");

        Assert.DoesNotContain("không nói đến", reply.Text);
        Assert.Contains("hiệp định Giơ-ne-vơ", reply.Text);
    }

    [Fact]
    public void A_named_movement_inside_a_long_sentence_is_quoted()
    {
        using var bot = new TestBot();
        var reply = bot.Ask("kế hoạch điện biên có đề cập chuyển đổi số không");

        Assert.DoesNotContain("không nói đến", reply.Text);
        Assert.Contains("Chuyển đổi số tỉnh Điện Biên, giai đoạn 2022 - 2030", reply.Text);
    }

    [Fact]
    public void A_question_that_does_not_ask_whether_the_plan_speaks_of_something_is_never_told_it_does_not()
    {
        using var bot = new TestBot();
        // Greetings and thanks around a real question: its words are not a subject the plan is silent on.
        var reply = bot.Ask("chào bạn, mình bên mặt trận phường cam phú nè 😊 trong kh thi đua 70 năm đbp thì mặt trận giới thiệu tập thể cá nhân tiêu biểu cho ai vậy ta? thanks nhiều");

        Assert.DoesNotContain("không nói đến", reply.Text);
    }
}
