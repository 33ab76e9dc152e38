using static ThiDua.Bot.Tests.ScriptSession;

namespace ThiDua.Bot.Tests.Access;

/// <summary>
/// Issue 16, item 2: in a group chat, forms, uploads, erasure and reminders belong to the person, not the chat.
/// Another member can neither edit nor confirm an officer's form, nor wipe their reminders; form entry in a
/// group points to the private chat. (The Telegram supergroup case is in Telegram/GroupChatTelegramTests.)
/// </summary>
public sealed class GroupChatTests
{
    [Fact]
    public async Task A_member_of_the_group_cannot_edit_confirm_or_erase_an_officers_form_or_reminders()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");

        var card = await t.SayIn("g1", "a", Transcript.Entry("Nguyễn Văn Một"));
        Assert.Contains("Bạn đang nhập trong nhóm", AllText(card));
        var confirm = Transcript.Button(card, "Xác nhận");
        Assert.Equal("f|ok~a", confirm);
        var menu = await t.SayIn("g1", "a", "/nhacviec");
        await t.PressIn("g1", "a", Transcript.Button(menu, "Lào Cai"));

        // An unregistered member types an edit and presses the officer's buttons.
        Assert.DoesNotContain("phá hoại", AllText(await t.SayIn("g1", "b", "sửa thành tích: phá hoại")));
        Assert.Contains("chỉ người đó bấm được", FirstText(await t.PressIn("g1", "b", confirm)));
        Assert.Contains("đã xong hoặc đã hủy", FirstText(await t.PressIn("g1", "b", "f|ok")));
        Assert.Contains("chỉ người đó bấm được", FirstText(await t.PressIn("g1", "b", Transcript.Button(menu, "Lào Cai"))));
        await t.PressIn("g1", "b", "r|off|lao-cai-217");
        var data = await t.SayIn("g1", "b", "/xoadulieu");
        Assert.Contains("Đã xóa dữ liệu", FirstText(await t.PressIn("g1", "b", Transcript.Button(data, "Xóa dữ liệu"))));

        // The officer's form is intact and theirs to confirm.
        var saved = FirstText(await t.PressIn("g1", "a", confirm));
        Assert.Contains("Đã lưu đề nghị LC-2024-0001", saved);

        using var db = t.Stored();
        var n = Assert.Single(db.Nominations.FindAll());
        Assert.Equal(("script:a", "hoàn thành xuất sắc nhiệm vụ"), (n.OwnerKey, n.Achievement));
        var follow = Assert.Single(db.Follows.FindAll());
        Assert.Equal(("g1", "a"), (follow.ChatId, follow.UserId));
    }

    [Fact]
    public async Task The_private_chat_link_of_a_group_starts_a_nomination_form_there()
    {
        using var t = new Transcript();
        await t.JoinByInvitation("a", "Lò Thị An", "UBND xã Bản Vược");
        Assert.Contains("theo kế hoạch nào", FirstText(await t.Say("a", "/start dangky")));
    }
}
