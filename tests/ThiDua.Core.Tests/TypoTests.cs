using ThiDua.Core.Text;

namespace ThiDua.Core.Tests;

public class TypoTests
{
    [Theory]
    [InlineData("ho soo lao cay gom gi", "Tờ trình")]
    [InlineData("tieu chuna khen thuong ca nhan lao cai", "Tiêu chuẩn khen thưởng cá nhân")]
    [InlineData("thoi gain dot 2 lao cai", "21/6/2024")]
    public void One_letter_typos_are_understood(string question, string expected)
    {
        using var bot = new TestBot();
        Assert.Contains(expected, bot.Ask(question).Text);
    }

    [Fact]
    public void Known_words_and_numbers_are_never_changed()
    {
        var corrector = new TypoCorrector([["ho", "so", "lao", "cai"], ["tieu", "chuan"]]);
        Assert.Equal(["ho", "so", "lao", "cai"], corrector.Correct(["ho", "so", "lao", "cai"]));
        Assert.Equal(["2024", "217"], corrector.Correct(["2024", "217"]));
        Assert.Equal(["tieu", "chuan"], corrector.Correct(["tieu", "chuna"]));
        Assert.Equal(["lao", "cai"], corrector.Correct(["lao", "cay"]));
    }

    [Theory]
    [InlineData("abcd", "abce", true)]
    [InlineData("abcd", "abdc", true)]
    [InlineData("abcd", "abd", true)]
    [InlineData("abcd", "abcde", true)]
    [InlineData("abcd", "badc", false)]
    [InlineData("abcd", "ab", false)]
    public void One_edit_means_one_insertion_deletion_substitution_or_swap(string a, string b, bool expected) =>
        Assert.Equal(expected, TypoCorrector.WithinOneEdit(a, b));
}
