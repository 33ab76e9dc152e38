using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Nominations;

/// <summary>
/// The "danh sách trích ngang" spreadsheet as TĐKT offices file it: a title naming the plan and the day, then one row
/// per nomination under the columns offices use (STT, mã, họ tên / tên tập thể … trạng thái), at widths that read.
/// </summary>
public static class TrichNgangExport
{
    public const string Title = "DANH SÁCH TRÍCH NGANG ĐỀ NGHỊ KHEN THƯỞNG";

    /// <summary>The header's row in the sheet (1-based): after the title, the plan line, the date line and a blank.</summary>
    public const int HeaderRow = 5;

    public static readonly (string Name, double Width)[] Columns =
    [
        ("STT", 6), ("Mã đề nghị", 16), ("Họ tên / tên tập thể", 28), ("Năm sinh", 9), ("Giới tính", 9), ("Chức vụ", 24),
        ("Đơn vị công tác", 28), ("Hình thức đề nghị", 30), ("Đợt", 10), ("Tóm tắt thành tích", 60), ("Đơn vị đề nghị", 24), ("Trạng thái", 14),
    ];

    /// <param name="includesDrafts">Whether the rows hold drafts: said on the sheet, so a list of drafts is never filed as submitted.</param>
    public static string Write(string folder, Campaign campaign, IReadOnlyList<Nomination> nominations, DateTime now, bool includesDrafts = false)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"trich-ngang-{campaign.Id}-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.xlsx");
        static string Key(int i) => "c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, object?> Line(params object?[] cells) => cells.Select((v, i) => (Key(i), v)).ToDictionary(x => x.Item1, x => x.v);
        var rows = new List<Dictionary<string, object?>>
        {
            Line(Title),
            Line($"Kế hoạch: {KnowledgeBase.PlanName(campaign)} — {campaign.ShortName}"),
            Line($"Xuất ngày {now:dd/MM/yyyy HH:mm}; {nominations.Count} đề nghị{(includesDrafts ? ", kể cả bản nháp chưa nộp" : "")}."),
            Line(),
            Line([.. Columns.Select(c => (object?)c.Name)]),
        };
        rows.AddRange(nominations.Select((n, i) => Line(
            i + 1, n.Code, n.NomineeName, n.BirthYear, n.Gender, n.Position, n.NomineeUnit,
            campaign.Awards.FirstOrDefault(a => a.Id == n.AwardId)?.Name, campaign.Phases.FirstOrDefault(p => p.Id == n.PhaseId)?.Name,
            n.Achievement, n.ProposingUnit, StatusName(n.Status))));
        // Every row has every column, so the sheet's columns and their widths are the same on every line.
        foreach (var row in rows) for (var i = 0; i < Columns.Length; i++) row.TryAdd(Key(i), null);
        var configuration = new OpenXmlConfiguration
        {
            TableStyles = TableStyles.None,
            DynamicColumns = [.. Columns.Select((c, i) => new DynamicExcelColumn(Key(i)) { Width = c.Width })],
        };
        MiniExcel.SaveAs(path, rows, printHeader: false, sheetName: "Trích ngang", configuration: configuration);
        return path;
    }

    public static string StatusName(NominationStatus status) => Review.StatusFlow.Name(status);
}
