using MiniExcelLibs;
using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Nominations;

/// <summary>The "danh sách trích ngang" spreadsheet of nominations, in the columns officers and reviewers expect.</summary>
public static class TrichNgangExport
{
    public static readonly string[] Columns =
        ["STT", "Họ tên / tên tập thể", "Năm sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức đề nghị", "Tóm tắt thành tích", "Đơn vị đề nghị", "Trạng thái"];

    public static string Write(string folder, Campaign campaign, IReadOnlyList<Nomination> nominations, DateTime now)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"trich-ngang-{campaign.Id}-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}.xlsx");
        var rows = nominations.Select((n, i) => new Dictionary<string, object?>
        {
            [Columns[0]] = i + 1,
            [Columns[1]] = n.NomineeName,
            [Columns[2]] = n.BirthYear,
            [Columns[3]] = n.Gender,
            [Columns[4]] = n.Position,
            [Columns[5]] = n.NomineeUnit,
            [Columns[6]] = campaign.Awards.FirstOrDefault(a => a.Id == n.AwardId)?.Name,
            [Columns[7]] = n.Achievement,
            [Columns[8]] = n.ProposingUnit,
            [Columns[9]] = StatusName(n.Status),
        }).ToList();
        MiniExcel.SaveAs(path, rows, sheetName: "Trích ngang");
        return path;
    }

    public static string StatusName(NominationStatus status) => Review.StatusFlow.Name(status);
}
