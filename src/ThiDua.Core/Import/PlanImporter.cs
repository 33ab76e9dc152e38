using ThiDua.Core.Text;
using System.Globalization;
using System.Text.RegularExpressions;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Knowledge.Places;

namespace ThiDua.Core.Import;

/// <summary>Something the importer could not read, or read with doubt: shown to the reviewer, never guessed silently.</summary>
public sealed record ImportFlag(string Field, string Problem);

/// <summary>A drafted campaign record and what a person must check before it is published.</summary>
public sealed record ImportDraft(Campaign Campaign, IReadOnlyList<ImportFlag> Flags);

/// <summary>
/// Drafts a campaign record (schema v1) from a plan's text. Each concern has its reader: the header (number,
/// date, issuer, title), periods and phases, themes and anniversaries, awards, criteria, quotas, the dossier,
/// deadlines, the assignments and bodies, the task table, the legal bases. Sections come from PlanOutline, the year
/// from the plan itself. Heuristic by nature: what a reader cannot read stays empty and becomes a flag.
/// </summary>
public static partial class PlanImporter
{
    [GeneratedRegex(@"năm\s+(?<y>\d{4})\s*$")]
    private static partial Regex TitleYear();

    /// <param name="places">The administrative units, to find the province of a district's or commune's plan that does not name it.</param>
    /// <param name="cancellationToken">Checked between the readers, so a time limit stops a draft that runs long.</param>
    public static ImportDraft Import(string raw, AdministrativeUnits? places = null, CancellationToken cancellationToken = default)
    {
        var lines = PlanTextCleaner.Clean(raw);
        cancellationToken.ThrowIfCancellationRequested();
        if (lines.Count(l => l.Length > 0) < 5) throw new InvalidDataException("văn bản gần như trống: không có nội dung kế hoạch để đọc");
        var all = string.Join('\n', lines);
        var flags = new List<ImportFlag>();
        var header = PlanHeader.Read(lines, flags);
        // The year is the plan's: its date line's, else the year its title is for, else the one it names most (said so).
        int? titleYear = header.Title is { } t && PlanPeriods.IsYearlyTitle(t) && TitleYear().Match(t) is { Success: true } ty ? int.Parse(ty.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
        var year = header.IssuedYear ?? titleYear;
        if (year is null && Issuers.MostCommonYear(all) is { } named)
        {
            year = named;
            flags.Add(new ImportFlag("document.issuedYear", $"không thấy năm ban hành: lấy năm văn bản nhắc nhiều nhất ({named})"));
        }
        if (year is null) throw new InvalidDataException("không tìm thấy năm nào trong văn bản: có thể không phải kế hoạch, hoặc tệp bị lỗi mã chữ");

        cancellationToken.ThrowIfCancellationRequested();
        // A plan issued in 2025 for "giai đoạn 2026 - 2028" means 2026 by "trước ngày 31/3 hằng năm".
        if (titleYear is null && PlanPeriods.TitleSpanStart(header.Title) is { } spanStart && spanStart > year) titleYear = spanStart;
        var r = new PlanReading(PlanSections.Read(raw), titleYear ?? year.Value, header.IssuedOn);
        r.Flags.AddRange(flags);
        var issuer = Issuers.Read(header, all, header.IssuedOn, places, r.Flags);
        (r.Level, r.District) = (issuer.Level, issuer.District);
        var title = header.Title is null ? "Kế hoạch (chưa đọc được tên)" : $"Kế hoạch {header.Title}";
        var (signerTitle, signer) = Signature.Read([.. lines.Skip(header.BodyStart)]);
        if (signer is null && header.Site.Signer is { } listed)
        {
            (signer, signerTitle) = (listed, null);
            r.Flag("document.signer", $"không thấy khối chữ ký: người ký {listed} lấy từ thông tin của trang web");
        }
        else if (signer is null) r.Flag("document.signer", "không đọc được người ký ở cuối văn bản");

        cancellationToken.ThrowIfCancellationRequested();
        var phaseThemes = new List<SourcedText>();
        var phases = PlanPeriods.Phases(r, phaseThemes);
        var themes = PlanThemes.Themes(r, phaseThemes);
        var anniversaries = PlanThemes.Anniversaries(r);
        var responsibilities = PlanOrganisation.Responsibilities(r);
        var (tasks, taskRows) = PlanTasks.Read(r);
        cancellationToken.ThrowIfCancellationRequested();
        var deadlines = PlanDeadlines.Read(r, phases, responsibilities, anniversaries, tasks, taskRows);
        var milestones = deadlines.Select(d => new Milestone(d.DueDate, Regex.Replace(d.Title, @"\s*\([^()]*\d{4}[^()]*\)", ""))).ToList();
        phases = PlanPeriods.WithEstimatedEnds(phases, milestones, r);
        var period = PlanPeriods.Period(r, phases, header.Title, milestones);
        cancellationToken.ThrowIfCancellationRequested();
        var awards = PlanAwards.Read(r, issuer, phases);
        var (quotas, shares) = PlanQuotas.Read(r, awards, phases);
        var dossier = PlanDossier.Read(r);

        cancellationToken.ThrowIfCancellationRequested();
        var id = ShortNames.Id(issuer.AreaName, header.Number, year.Value);
        var campaign = new Campaign
        {
            Id = id,
            ShortName = ShortNames.Of(issuer.AreaInSentence, header.Title ?? "Kế hoạch thi đua"),
            CodePrefix = Issuers.CodePrefix(issuer.AreaName),
            Document = new PlanDocument
            {
                Number = header.Number,
                IssuedOn = header.IssuedOn,
                IssuedMonth = header.IssuedMonth is { } m ? $"{year:0000}-{m:00}" : null,
                IssuedYear = header.IssuedOn is null && header.IssuedMonth is null ? year : null,
                Issuer = issuer.Name,
                Title = title,
                Signer = signer,
                SignerTitle = signer is null ? null : signerTitle,
                SourceFile = PlanFiles.SourceFileOf(id),
            },
            Level = issuer.Level,
            Area = new Area { Province = issuer.Province, District = issuer.District, Commune = issuer.Commune },
            Aliases = [.. new[] { issuer.AreaName, issuer.AreaInSentence, header.Number }.OfType<string>().Distinct()],
            LegalBases = LegalBases.Read(r),
            Purposes = Items(r, "muc dich"),
            // Under "MỤC ĐÍCH, YÊU CẦU" with no sub-heading the lines are the purposes; requirements need their own heading.
            Requirements = [.. Items(r, "yeu cau").Where(i => !r.Sections.Under("muc dich").Any(p => p.Section == i.Section && p.Bare == i.Text))],
            Themes = themes,
            Anniversaries = anniversaries,
            Contents = [.. Items(r, "noi dung", "nhiem vu trong tam").Select(i => new ContentItem { Title = TextFit.Shorten(i.Text, 100), Text = i.Text.Length > 100 ? i.Text : null, Section = i.Section })],
            Tasks = tasks,
            Targets = PlanQuotas.Targets(r),
            Criteria = PlanCriteria.Read(r, awards),
            Quotas = quotas,
            QuotaShares = shares,
            Responsibilities = responsibilities,
            Contacts = PlanOrganisation.Contacts(r),
            Period = period,
            Phases = phases,
            Awards = awards,
            Dossier = dossier,
            Deadlines = deadlines,
            Bodies = PlanOrganisation.Bodies(issuer, responsibilities, awards, dossier, r),
        };
        return new ImportDraft(campaign, r.Flags);
    }

    /// <summary>The lines of the sections a heading names ("I. MỤC ĐÍCH" › "1. Mục đích"), list marks dropped; table rows and headings left out.</summary>
    private static List<SourcedText> Items(PlanReading r, params string[] topics) =>
        [.. r.Sections.Under(topics).Where(p => !p.IsHeading && !p.IsTableRow && p.Bare.Length > 25 && !PlanOrganisation.IsClosing(p.Text))
            .Select(p => new SourcedText { Text = p.Bare, Section = p.Section }).Take(12)];
}
