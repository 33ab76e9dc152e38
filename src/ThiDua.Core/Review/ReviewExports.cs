using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Logging;
using ThiDua.Core.Conversations;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Nominations;
using ThiDua.Core.Storage;
using ThiDua.Core.Time;
using Reply = ThiDua.Core.Conversations.Reply;

namespace ThiDua.Core.Review;

/// <summary>What reviewers take away: the trích ngang spreadsheet, a Tờ trình draft (.docx) grouped by award form, counts per unit and form, and the dossier files.</summary>
public sealed class ReviewExports(BotDatabase db, LocalClock clock, ILogger logger)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public Reply Spreadsheet(Campaign campaign, IReadOnlyList<Nomination> rows, string filter)
    {
        if (rows.Count == 0) return new Reply($"Không có đề nghị nào ({filter}) để xuất.");
        var path = TrichNgangExport.Write(db.ExportFolder, campaign, [.. rows.OrderBy(n => n.Id)], clock.Now.DateTime);
        return new Reply($"Danh sách trích ngang {rows.Count} đề nghị ({filter}) — {campaign.ShortName} ({KnowledgeBase.PlanName(campaign)}).")
        {
            File = new OutgoingFile(path, Path.GetFileName(path), XlsxType),
        };
    }

    /// <summary>
    /// A Tờ trình draft: the nominations under review or presented, grouped by award form, each a row of a table
    /// (name, position and unit, achievement). The reviewer edits it in Word before signing.
    /// </summary>
    public Reply ToTrinh(Campaign campaign, IReadOnlyList<Nomination> rows)
    {
        if (rows.Count == 0) return new Reply("Chưa có đề nghị nào đang thẩm định hoặc đã trình để đưa vào tờ trình. Bấm “Nhận thẩm định” ở từng đề nghị trước.");
        Directory.CreateDirectory(db.ExportFolder);
        var path = Path.Combine(db.ExportFolder, $"to-trinh-{campaign.Id}-{clock.Now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.docx");
        using (var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var body = new DocumentFormat.OpenXml.Wordprocessing.Body();
            body.Append(Paragraph("TỜ TRÌNH", bold: true, center: true));
            body.Append(Paragraph($"Về việc đề nghị khen thưởng trong {campaign.Document.Title}", bold: true, center: true));
            body.Append(Paragraph($"Căn cứ {KnowledgeBase.PlanName(campaign)} của {campaign.Document.Issuer};"));
            body.Append(Paragraph($"Căn cứ kết quả thẩm định hồ sơ, [cơ quan trình] kính trình [cấp có thẩm quyền] xem xét, khen thưởng {rows.Count} trường hợp sau:"));
            var roman = new[] { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };
            var groups = rows.GroupBy(n => n.AwardId).OrderBy(g => campaign.Awards.FindIndex(a => a.Id == g.Key)).ToList();
            for (var i = 0; i < groups.Count; i++)
            {
                var award = campaign.Awards.FirstOrDefault(a => a.Id == groups[i].Key)?.Name ?? groups[i].Key ?? "Hình thức khác";
                body.Append(Paragraph($"{(i < roman.Length ? roman[i] : (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}. {award} ({groups[i].Count()})", bold: true));
                body.Append(NomineeTable([.. groups[i].OrderBy(n => n.ProposingUnit).ThenBy(n => n.Code)]));
            }
            body.Append(Paragraph("Kính trình [cấp có thẩm quyền] xem xét, quyết định./."));
            body.Append(Paragraph("Nơi nhận: …", italic: true));
            body.Append(Paragraph("[CHỨC VỤ NGƯỜI KÝ]", bold: true, center: true));
            var main = document.AddMainDocumentPart();
            main.Document = new Document(body);
            main.Document.Save();
        }
        return new Reply($"Dự thảo tờ trình: {rows.Count} đề nghị, {rows.Select(n => n.AwardId).Distinct().Count()} hình thức — {campaign.ShortName}. Mở bằng Word để sửa trước khi ký.")
        {
            File = new OutgoingFile(path, Path.GetFileName(path), DocxType),
        };
    }

    /// <summary>Counts per unit and per award form, with how many are decided.</summary>
    public static Reply Summary(Campaign campaign, IReadOnlyList<INominationFacts> rows)
    {
        if (rows.Count == 0) return new Reply($"Chưa có đề nghị nào đã nộp trong {campaign.ShortName}.");
        var lines = new List<string> { $"Tổng hợp {campaign.ShortName} ({KnowledgeBase.PlanName(campaign)}): {rows.Count} đề nghị đã nộp." };
        lines.Add("Theo hình thức:");
        lines.AddRange(rows.GroupBy(n => n.AwardId).Select(g =>
            $"• {campaign.Awards.FirstOrDefault(a => a.Id == g.Key)?.Name ?? g.Key}: {g.Count()} (đã khen {g.Count(n => n.Status == NominationStatus.Awarded)}, trả lại {g.Count(n => n.Status == NominationStatus.Returned)})"));
        lines.Add("Theo đơn vị:");
        lines.AddRange(rows.GroupBy(n => n.ProposingUnit).OrderBy(g => g.Key).Select(g => $"• {g.Key}: {g.Count()}"));
        return new Reply(string.Join('\n', lines));
    }

    /// <summary>One dossier file of a nomination, copied out of LiteDB so the channel can send it.</summary>
    public Reply Attachment(Nomination n, Attachment attachment)
    {
        if (db.Files.FindById(attachment.FileId) is null) return new Reply($"Tệp “{attachment.FileName}” không còn trong kho.");
        Directory.CreateDirectory(db.ExportFolder);
        // Names stored before uploads were normalised may hold NUL or be too long for the file system.
        var name = DossierFiles.NormaliseName(attachment.FileName);
        var prefix = $"{n.Code}-{Guid.NewGuid().ToString("N")[..6]}-";
        var path = Path.Combine(db.ExportFolder, prefix + DossierFiles.NormaliseName(name, DossierFiles.MaxNameBytes - prefix.Length));
        string? damaged;
        using (var file = File.Create(path)) damaged = DossierFiles.CopyVerified(db, attachment.FileId, attachment.Sha256, file);
        if (damaged is not null)
        {
            File.Delete(path);
            logger.LogError("Tệp hồ sơ {FileId} của {Code} hỏng: {Problem}", attachment.FileId, n.Code, damaged);
            return new Reply($"Không gửi được tệp “{name}” của {n.Code}: {damaged}. Bot không gửi bản hỏng. Quản trị viên khôi phục cơ sở dữ liệu từ bản sao lưu (README, mục sao lưu), hoặc đơn vị gửi lại tệp.");
        }
        return new Reply($"{n.Code} — {name}") { File = new OutgoingFile(path, name, attachment.ContentType) };
    }

    private static Table NomineeTable(IReadOnlyList<Nomination> rows)
    {
        var table = new Table(new TableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(true, "STT", "Họ tên / tên tập thể", "Chức vụ, đơn vị", "Thành tích"));
        for (var i = 0; i < rows.Count; i++)
        {
            var n = rows[i];
            table.Append(Row(false, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), n.NomineeName ?? "",
                string.Join(", ", new[] { n.Position, n.NomineeUnit ?? n.ProposingUnit }.Where(x => !string.IsNullOrWhiteSpace(x))), n.Achievement ?? ""));
        }
        return table;
    }

    private static TableRow Row(bool header, params string[] cells) =>
        new([.. cells.Select(c => new TableCell(Paragraph(c, bold: header)))]);

    private static Paragraph Paragraph(string text, bool bold = false, bool center = false, bool italic = false)
    {
        var runProperties = new RunProperties();
        if (bold) runProperties.Append(new Bold());
        if (italic) runProperties.Append(new Italic());
        var paragraph = new Paragraph(new Run(runProperties, new DocumentFormat.OpenXml.Wordprocessing.Text(Text.PrintableText.Of(text)) { Space = SpaceProcessingModeValues.Preserve }));
        if (center) paragraph.PrependChild(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        return paragraph;
    }
}
