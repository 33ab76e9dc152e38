using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Text;

namespace ThiDua.Core.Nominations;

/// <summary>The form's fields: which apply, which is missing next, how each is asked, set, described and checked.</summary>
public static class FormFields
{
    public static IEnumerable<FormField> Applicable(NomineeDetails d, Campaign? c)
    {
        yield return FormField.Campaign;
        if (c is null || c.Phases.Count > 1) yield return FormField.Phase;
        yield return FormField.Beneficiary;
        if (c is null || AwardsFor(c, d.Beneficiary).Count > 1) yield return FormField.Award;
        yield return FormField.NomineeName;
        if (d.Beneficiary != Beneficiary.Collective) yield return FormField.Position;
        yield return FormField.NomineeUnit;
        if (d.Beneficiary != Beneficiary.Collective)
        {
            yield return FormField.Gender;
            yield return FormField.BirthYear;
        }
        yield return FormField.Achievement;
        yield return FormField.ProposingUnit;
    }

    public static FormField? NextMissing(NominationForm form, Campaign? c)
    {
        if (c is not null)
        {
            // A single phase or a single award form is not a choice: fill it in.
            if (c.Phases.Count == 1) form.PhaseId ??= c.Phases[0].Id;
            if (form.Beneficiary is not null && AwardsFor(c, form.Beneficiary) is { Count: 1 } only) form.AwardId ??= only[0].Id;
        }
        foreach (var field in Applicable(form, c))
            if (!form.Skipped.Contains(field) && IsMissing(form, field, c)) return field;
        return null;
    }

    private static bool IsMissing(NomineeDetails d, FormField field, Campaign? c) => field switch
    {
        FormField.Campaign => d.CampaignId is null || c is null,
        FormField.Phase => d.PhaseId is null,
        FormField.Beneficiary => d.Beneficiary is null,
        FormField.Award => d.AwardId is null,
        FormField.NomineeName => d.NomineeName is null,
        FormField.Position => d.Position is null,
        FormField.NomineeUnit => d.NomineeUnit is null,
        FormField.Gender => d.Gender is null,
        FormField.BirthYear => d.BirthYear is null,
        FormField.Achievement => d.Achievement is null,
        _ => d.ProposingUnit is null,
    };

    public static List<AwardForm> AwardsFor(Campaign c, Beneficiary? b) =>
        [.. c.Awards.Where(a => b is null || a.AppliesTo == Beneficiary.Both || a.AppliesTo == b)];

    public static (string Question, List<Button> Buttons) Question(KnowledgeBase kb, NomineeDetails d, Campaign? c, FormField field) => field switch
    {
        FormField.Campaign => (d is NominationForm { PreferredCampaigns.Count: > 0 }
                ? "Đề nghị khen thưởng theo kế hoạch nào? (Đầu danh sách: kế hoạch bạn đã có đề nghị, đã nêu, của địa bàn đơn vị bạn hoặc vừa hỏi.)"
                : "Đề nghị khen thưởng theo kế hoạch nào?",
            [.. PlansInOrder(kb, d).Select(x => NominationFlow.Btn(x.ShortName, FormAction.Camp, x.Id))]),
        FormField.Phase => ("Đề nghị cho đợt nào?", [.. (c?.Phases ?? []).Select(p => NominationFlow.Btn($"{p.Name} ({VietnameseDates.Format(p.Start)} – {VietnameseDates.Format(p.End)})", FormAction.Phase, p.Id))]),
        FormField.Beneficiary => ("Đề nghị cho cá nhân hay tập thể?", [NominationFlow.Btn("Cá nhân", FormAction.Ben, "i"), NominationFlow.Btn("Tập thể", FormAction.Ben, "c")]),
        FormField.Award => ("Hình thức khen thưởng đề nghị?", [.. AwardsFor(c!, d.Beneficiary).Select(a => NominationFlow.Btn(TextFit.Shorten(a.Name, 60), FormAction.Award, a.Id))]),
        FormField.NomineeName => (d.Beneficiary == Beneficiary.Collective ? "Tên tập thể được đề nghị?" : "Họ và tên người được đề nghị?", []),
        FormField.Position => ("Chức vụ, chức danh của người được đề nghị?", []),
        FormField.NomineeUnit => (d.Beneficiary == Beneficiary.Collective ? "Tập thể thuộc đơn vị nào (đơn vị chủ quản)?" : "Đơn vị công tác của người được đề nghị?", []),
        FormField.Gender => ("Giới tính?", [NominationFlow.Btn("Nam", FormAction.Gender, "Nam"), NominationFlow.Btn("Nữ", FormAction.Gender, "Nữ")]),
        FormField.BirthYear => ("Năm sinh (4 chữ số, ví dụ 1985)?", []),
        FormField.Achievement => ("Tóm tắt thành tích (1–3 câu)?", []),
        _ => ("Đơn vị của bạn (đơn vị đề nghị khen thưởng)? Tôi sẽ nhớ cho lần sau.", []),
    };

    public static string AwardNotOffered(Campaign c, string asked) =>
        $"Kế hoạch {c.ShortName} không có hình thức “{Display(asked)}”. Các hình thức của kế hoạch: {string.Join("; ", c.Awards.Select(a => a.Name))}.";

    private static IEnumerable<Campaign> PlansInOrder(KnowledgeBase kb, NomineeDetails d)
    {
        var preferred = (d as NominationForm)?.PreferredCampaigns ?? [];
        return kb.Campaigns.OrderBy(c => preferred.IndexOf(c.Id) is var i and >= 0 ? i : int.MaxValue);
    }

    /// <summary>Sets a field from what the officer typed or pressed; returns a message when the value is not valid.</summary>
    public static string? Set(KnowledgeBase kb, NominationForm form, FormField field, string value, DateOnly today, bool byButton)
    {
        var c = kb.Find(form.CampaignId ?? "");
        var words = kb.Glossary.Expand(value);
        var joined = " " + string.Join(' ', words) + " ";
        switch (field)
        {
            case FormField.Campaign:
                var chosen = byButton ? kb.Find(value) : kb.Resolver.Resolve(words) is { Candidates.Count: 1 } m ? m.Candidates[0] : null;
                if (chosen is null) return "Tôi chưa xác định được kế hoạch. Bạn chọn một nút bên dưới.";
                if (chosen.Id != form.CampaignId) { form.PhaseId = null; form.AwardId = null; }
                form.CampaignId = chosen.Id;
                return null;
            case FormField.Phase:
                var phases = c?.Phases ?? [];
                var phase = byButton ? phases.FirstOrDefault(p => p.Id == value)
                    // Asked "which phase?", a bare "2" is an answer too.
                    : (PeriodNumbers.Phase(joined) ?? (words is [var only] ? PeriodNumbers.Value(only) : null)) is int k && k <= phases.Count ? phases[k - 1] : null;
                if (phase is null) return "Bạn chọn đợt bằng nút, hoặc gõ “đợt 1”, “đợt 2”.";
                form.PhaseId = phase.Id;
                return null;
            case FormField.Beneficiary:
                if (!byButton && joined.Contains(" ca nhan ", StringComparison.Ordinal) && joined.Contains(" tap the ", StringComparison.Ordinal))
                    return "Mỗi đề nghị là cho một cá nhân hoặc một tập thể. Bạn chọn “Cá nhân” hoặc “Tập thể”.";
                form.Beneficiary = value == "i" || joined.Contains(" ca nhan ", StringComparison.Ordinal) ? Beneficiary.Individual
                    : value == "c" || joined.Contains(" tap the ", StringComparison.Ordinal) ? Beneficiary.Collective : form.Beneficiary;
                if (form.Beneficiary is null) return "Bạn chọn “Cá nhân” hoặc “Tập thể”.";
                if (c is not null && form.AwardId is { } awardId && !AwardsFor(c, form.Beneficiary).Any(a => a.Id == awardId)) form.AwardId = null;
                return null;
            case FormField.Award:
                if (c is null) return "Bạn chọn kế hoạch trước.";
                if (byButton)
                {
                    form.AwardId = c.Awards.FirstOrDefault(a => a.Id == value)?.Id;
                    return null;
                }
                // Typed: the form named, with its issuer ("bằng khen thủ tướng" is never the chairman's); one match or none.
                var offered = AwardsFor(c, form.Beneficiary);
                var matching = QuickEntryParser.MatchingAwards(c, words).Where(offered.Contains).ToList();
                if (matching.Count > 1 && QuickEntryParser.IssuerNamed(words) is null)
                    return $"“{value.Trim()}” ứng với nhiều hình thức của kế hoạch: {string.Join("; ", matching.Select(a => a.Name))}. Bạn chọn một nút bên dưới.";
                // Nothing fits: refused with the plan's forms, and what was chosen before stays.
                if (matching.Count == 0) return AwardNotOffered(c, QuickEntryParser.AwardNamed(words) ?? value.Trim());
                form.AwardId = matching[0].Id;
                return null;
            case FormField.NomineeName:
                if (form.Beneficiary == Beneficiary.Collective)
                {
                    if (!FieldRules.TryText(value, "Tên tập thể", 3, FieldRules.MaxTextLength, out var collective, out var e1)) return e1;
                    form.NomineeName = collective;
                    return null;
                }
                if (!FieldRules.TryPersonName(value, out var name, out var e2)) return e2;
                form.NomineeName = name;
                return null;
            case FormField.Position:
                return SetText(value, "Chức vụ", 2, v => form.Position = v);
            case FormField.NomineeUnit:
                return SetText(value, "Đơn vị công tác", 2, v => form.NomineeUnit = v);
            case FormField.ProposingUnit when form.ProposingUnit is { } registered:
                return VietnameseText.Fold(value) == VietnameseText.Fold(registered) ? null
                    : $"Đơn vị đề nghị là đơn vị bạn đã đăng ký ({registered}), không đổi được ở đây: đề nghị của đơn vị khác do cán bộ đơn vị đó nhập. Nếu bạn đã chuyển đơn vị, gõ /xoadulieu rồi đăng ký lại với đơn vị mới.";
            case FormField.ProposingUnit:
                return SetText(value, "Đơn vị đề nghị", 2, v => form.ProposingUnit = v);
            case FormField.Gender:
                if (!FieldRules.TryGender(value, out var gender)) return "Bạn chọn “Nam” hoặc “Nữ” (hoặc “Bỏ qua”).";
                form.Gender = gender;
                return null;
            case FormField.BirthYear:
                if (!FieldRules.TryBirthYear(value, today, out var year, out var e3)) return e3;
                form.BirthYear = year;
                return null;
            default:
                return SetText(value, "Tóm tắt thành tích", 5, v => form.Achievement = v, FieldRules.MaxAchievementLength);
        }
    }

    private static string? SetText(string value, string what, int min, Action<string> set, int max = FieldRules.MaxTextLength)
    {
        if (!FieldRules.TryText(value, what, min, max, out var text, out var error)) return error;
        set(text);
        return null;
    }

    public static IEnumerable<string> Describe(KnowledgeBase kb, NomineeDetails d, bool brief, bool onlyFilled = false)
    {
        var c = kb.Find(d.CampaignId ?? "");
        var items = new (string Label, string? Value)[]
        {
            ("Kế hoạch", c is null ? null : brief ? c.ShortName : $"{c.ShortName} ({KnowledgeBase.PlanName(c)})"),
            ("Đợt", c?.Phases.FirstOrDefault(p => p.Id == d.PhaseId)?.Name),
            ("Đối tượng", d.Beneficiary switch { Beneficiary.Individual => "Cá nhân", Beneficiary.Collective => "Tập thể", _ => null }),
            ("Hình thức", c?.Awards.FirstOrDefault(a => a.Id == d.AwardId)?.Name),
            (d.Beneficiary == Beneficiary.Collective ? "Tên tập thể" : "Họ tên", d.NomineeName),
            ("Chức vụ", d.Position),
            ("Đơn vị công tác", d.NomineeUnit),
            ("Giới tính", d.Gender),
            ("Năm sinh", d.BirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Thành tích", d.Achievement is null ? null : brief ? TextFit.Shorten(d.Achievement, 80) : d.Achievement),
            ("Đơn vị đề nghị", d.ProposingUnit),
        };
        foreach (var (label, value) in items)
        {
            if (value is not null) yield return $"{label}: {value}";
            else if (!onlyFilled && !brief && label is not ("Giới tính" or "Năm sinh" or "Chức vụ" or "Đợt")) yield return $"{label}: —";
        }
    }

    /// <summary>What the officer should know before saving: quotas, dates already past, the plan's own limits.</summary>
    public static List<string> Warnings(KnowledgeBase kb, NomineeDetails d, NominationStore store, DateOnly today)
    {
        var warnings = new List<string>();
        if (kb.Find(d.CampaignId ?? "") is not { } c) return warnings;
        foreach (var quota in c.Quotas.Where(q => (q.AwardId is null || q.AwardId == d.AwardId) && (q.AppliesTo == Beneficiary.Both || q.AppliesTo == d.Beneficiary)
                                                && (q.PhaseId is null || q.PhaseId == d.PhaseId)))
        {
            var used = store.CountTowards(quota, d);
            if (used + 1 > quota.Max)
                warnings.Add($"Vượt số lượng: đã có {used} đề nghị, kế hoạch cho tối đa {quota.Max} ({quota.Text}, mục {quota.Section}).");
        }
        if (c.Phases.FirstOrDefault(p => p.Id == d.PhaseId) is { } phase && phase.End < today)
            warnings.Add($"{phase.Name} đã kết thúc ngày {VietnameseDates.Format(phase.End)}.");
        var submissions = c.Deadlines.Where(x => x.Kind == DeadlineKind.Submission && (x.PhaseId is null || x.PhaseId == d.PhaseId)).ToList();
        if (submissions.Count > 0 && submissions.All(x => x.DueDate < today))
            warnings.Add($"Hạn nộp hồ sơ đã qua ({VietnameseDates.Format(submissions.Max(x => x.DueDate))}).");
        else if (c.Period.End < today)
            warnings.Add($"Kế hoạch đã kết thúc ngày {VietnameseDates.Format(c.Period.End)}.");
        return warnings;
    }

    /// <summary>The field's name as the form shows it: a tập thể has a name, not a "Họ tên", and a managing unit.</summary>
    public static string Label(FormField field, Beneficiary? beneficiary = null) => (field, beneficiary) switch
    {
        (FormField.NomineeName, Beneficiary.Collective) => "Tên tập thể",
        (FormField.NomineeUnit, Beneficiary.Collective) => "Đơn vị chủ quản",
        _ => Name(field),
    };

    private static string Name(FormField field) => field switch
    {
        FormField.Campaign => "Kế hoạch",
        FormField.Phase => "Đợt",
        FormField.Beneficiary => "Cá nhân/tập thể",
        FormField.Award => "Hình thức",
        FormField.NomineeName => "Họ tên",
        FormField.Position => "Chức vụ",
        FormField.NomineeUnit => "Đơn vị công tác",
        FormField.Gender => "Giới tính",
        FormField.BirthYear => "Năm sinh",
        FormField.Achievement => "Thành tích",
        _ => "Đơn vị đề nghị",
    };

    /// <summary>Folded award words back into Vietnamese for messages.</summary>
    public static string Display(string folded) => folded
        .Replace("bang khen", "Bằng khen", StringComparison.Ordinal).Replace("giay khen", "Giấy khen", StringComparison.Ordinal)
        .Replace("thu tuong", "Thủ tướng", StringComparison.Ordinal).Replace("chu tich", "Chủ tịch", StringComparison.Ordinal)
        .Replace("co thi dua", "Cờ thi đua", StringComparison.Ordinal).Replace("chien si thi dua", "Chiến sĩ thi đua", StringComparison.Ordinal)
        .Replace("ky niem chuong", "Kỷ niệm chương", StringComparison.Ordinal).Replace("bo truong", "Bộ trưởng", StringComparison.Ordinal)
        .Replace("giam doc", "Giám đốc", StringComparison.Ordinal);
}
