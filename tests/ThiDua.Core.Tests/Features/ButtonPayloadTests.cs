using System.Text;
using ThiDua.Core.Access;
using ThiDua.Core.Conversations;
using ThiDua.Core.Failures;
using ThiDua.Core.Import;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Questions;
using ThiDua.Core.Reminders;
using ThiDua.Core.Review;

namespace ThiDua.Core.Tests.Features;

/// <summary>
/// Button data is written and read by one record per family: what a button writes reads back as the same press,
/// fits Telegram's 64 bytes whatever the names it carries, and data no button writes reads as nothing.
/// </summary>
public class ButtonPayloadTests
{
    private const string LongestPlanId = "quang-ninh-cam-pha-12345";                       // plan ids are at most 24 characters
    private static readonly string LongUnit = Text.VietnameseText.Fold("Trường Trung học cơ sở Nguyễn Văn Trỗi, phường Cẩm Phú, tỉnh Quảng Ninh");
    private const string LongAward = "bang-khen-chu-tich-ubnd-tinh-tap-the-xuat-sac";
    private const string LongOfficer = "zalo:1234567890123456789012345";

    public static TheoryData<ButtonPayload> Presses() =>
    [
        new QuestionPress(QuestionKind.Dossier, "lao-cai-217", 2, Beneficiary.Collective),
        new QuestionPress(QuestionKind.Contents, LongestPlanId, 19, Beneficiary.Individual, 999),
        new QuestionPress(QuestionKind.ListCampaigns, null, Skip: 8),
        CommandPress.Help,
        new FormPress(FormAction.OkDup),
        new FormPress(FormAction.Award, LongAward),
        new FormPress(FormAction.Start, LongestPlanId),
        new OfficerPress.Act(NominationAction.SubmitOk, 1_000_000),
        new OfficerPress.AttachAs(1_000_000, KeyRef.To("bao-cao-thanh-tich-co-xac-nhan-cua-ubnd"), "ab12cd34"),
        new OfficerPress.Export(LongestPlanId, WithDrafts: true),
        OfficerPress.Unit,
        new ReviewPress.OnPlan(QueueAction.Queue, LongestPlanId, Filter.OfUnit(LongUnit)),
        new ReviewPress.OnPlan(QueueAction.Spreadsheet, LongestPlanId, Filter.OfAward(LongAward)),
        new ReviewPress.OnPlan(QueueAction.PickAward, LongestPlanId),
        new ReviewPress.OnNomination(ReviewAction.Decide, 1_000_000),
        new ReviewPress.File(1_000_000, 4),
        new ReviewPress.Move(1_000_000, NominationStatus.NotAwarded),
        new HandoverPress.OfUnit(KeyRef.To(LongUnit)),
        new HandoverPress.Transfer(KeyRef.To(LongOfficer), KeyRef.To("telegram:1234567890123")),
        new InvitationPress.ForUnit(KeyRef.To(LongUnit)),
        new InvitationPress.ForReviewer(LongestPlanId),
        new InvitationPress.ConfirmUnit(KeyRef.To(LongUnit)),
        new JoinPress(Verdict.No, 1_000_000),
        new LinkPress.Answer(Verdict.Ok, 1_000_000),
        LinkPress.Unlink,
        new RegistrationPress.PickUnit(KeyRef.To(LongUnit)),
        RegistrationPress.Erase,
        new FollowPress.Unfollow(LongestPlanId) { FromMenu = true },
        new FollowPress.Schedule(LongestPlanId, "7-3-1-0"),
        new PersonalReminderPress.Delete(1_000_000),
        new ImportPress(DraftAction.Pub, "a1b2c3"),
        new FailurePress(FailureAction.Restore, 1_000_000),
    ];

    [Theory]
    [MemberData(nameof(Presses))]
    public void What_a_button_writes_reads_back_as_the_same_press_within_64_bytes(ButtonPayload press)
    {
        Assert.InRange(Encoding.UTF8.GetByteCount(press.Data), 1, Payload.MaxBytes);
        Assert.Equal(press, ReadAny(press.Data));
    }

    /// <summary>What a chat awaits is kept in its state the same way, and read back by the feature that asked.</summary>
    [Fact]
    public void An_awaited_input_reads_back_only_as_its_own_kind()
    {
        Assert.Equal(new ReturnReason(12), Payload.Read<ReturnReason>(new ReturnReason(12).Data));
        Assert.Null(Payload.Read<DecisionNumber>(new ReturnReason(12).Data));
        Assert.Equal(new DraftValue("a1b2c3"), Payload.Read<DraftValue>(new DraftValue("a1b2c3").Data));
        Assert.Same(PlanFileAwaited.Instance, Payload.Read<PlanFileAwaited>(PlanFileAwaited.Instance.Data));
        Assert.Null(Payload.Read<PlanFileAwaited>(new DraftValue("a1b2c3").Data));
    }

    [Theory]
    [InlineData("v|o|abc")]
    [InlineData("v|m|12|7")]                  // a status by its number is not a status a button writes
    [InlineData("n|open")]
    [InlineData("f|OK")]
    [InlineData("f|1")]
    [InlineData("u|maybe|3")]
    [InlineData("q|doss|lao-cai-217|p99")]
    [InlineData("e|run|1|2")]
    [InlineData("k|pub")]
    [InlineData("x|del|")]
    public void Data_no_button_writes_reads_as_nothing(string data) => Assert.Null(ReadAny(data));

    [Fact]
    public void A_long_key_is_written_short_and_still_names_only_its_own_key()
    {
        var written = KeyRef.To(LongUnit);
        Assert.StartsWith("#", written.Written);
        Assert.True(written.Names(LongUnit));
        Assert.False(written.Names(LongUnit + " 2"));
        Assert.Equal("lao-cai-217", KeyRef.To("lao-cai-217").Written);     // short keys stay readable
    }

    /// <summary>
    /// Found when button data became typed: a unit named as units are (56 characters here) made the reviewer's
    /// "by unit" filter and the unit pickers write more than 64 bytes. They now fit, and still pick that unit.
    /// </summary>
    [Fact]
    public void A_reviewer_filters_the_queue_by_a_unit_with_a_long_name()
    {
        using var bot = new TestBot(new DateTimeOffset(2024, 5, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        const string Unit = "Ban Chỉ huy Quân sự xã Bản Vược, huyện Bát Xát, tỉnh Lào Cai";
        bot.Register("rev", "Trần Văn Thẩm", "Ban TĐKT tỉnh", Role.Reviewer, "lao-cai-217");
        bot.Register("far", "Lò Văn Xa", Unit);
        bot.Register("near", "Vàng Thị Gần", "UBND xã Cốc San");
        foreach (var (chat, name) in new[] { ("far", "Nguyễn Văn Một"), ("near", "Giàng A Hai") })
        {
            bot.Ask($"Đề nghị BK CT tỉnh cho đ/c {name}, Chỉ huy trưởng Ban CHQS xã X, đợt 1 Lào Cai, sinh năm 1980, nam, thành tích: hoàn thành xuất sắc nhiệm vụ", chat);
            Assert.Contains("Đã lưu", bot.Press("f|ok", chat).Text);
            Assert.Contains("Đã nộp", bot.Press($"n|submitok|{bot.Database.Nominations.FindAll().Max(n => n.Id)}", chat).Text);
        }

        var queue = bot.Ask("/duyet", "rev");
        var units = bot.Press(queue, "Theo đơn vị", "rev");
        var pick = units.Buttons.SelectMany(r => r).Single(b => b.Text.StartsWith("Ban Chỉ huy Quân sự xã Bản Vược", StringComparison.Ordinal));
        Assert.All(units.Buttons.SelectMany(r => r), b => Assert.InRange(Encoding.UTF8.GetByteCount(b.Data), 1, Payload.MaxBytes));

        var filtered = bot.Press(pick.Data, "rev").Text;
        Assert.Contains("Nguyễn Văn Một", filtered);
        Assert.DoesNotContain("Giàng A Hai", filtered);
        Assert.Contains("đơn vị " + Unit, filtered);
    }

    private static ButtonPayload? ReadAny(string data) =>
        (ButtonPayload?)Payload.Read<QuestionPress>(data) ?? (ButtonPayload?)Payload.Read<CommandPress>(data)
        ?? (ButtonPayload?)Payload.Read<FormPress>(data) ?? Payload.Read<OfficerPress>(data) ?? (ButtonPayload?)Payload.Read<ReviewPress>(data)
        ?? Payload.Read<HandoverPress>(data) ?? (ButtonPayload?)Payload.Read<InvitationPress>(data) ?? Payload.Read<JoinPress>(data)
        ?? (ButtonPayload?)Payload.Read<LinkPress>(data) ?? Payload.Read<RegistrationPress>(data) ?? (ButtonPayload?)Payload.Read<FollowPress>(data)
        ?? Payload.Read<PersonalReminderPress>(data) ?? (ButtonPayload?)Payload.Read<ImportPress>(data) ?? Payload.Read<FailurePress>(data);
}
