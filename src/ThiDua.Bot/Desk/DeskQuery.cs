using System.Globalization;
using Microsoft.AspNetCore.Http;
using ThiDua.Core.Desk;
using ThiDua.Core.Review;

namespace ThiDua.Bot.Desk;

/// <summary>The table's filters as query parameters (/desk/nominations?ke-hoach=lao-cai-217&amp;don-vi=…), read and written one way.</summary>
public static class DeskQuery
{
    /// <summary>What /desk/export makes: the trích ngang spreadsheet (default) or, with "totrinh", the Tờ trình draft.</summary>
    public const string Kind = "loai", ToTrinh = "totrinh";

    public const string Plan = "kehoach", Phase = "dot", Unit = "donvi", Award = "hinhthuc", Status = "trangthai", Incomplete = "thieu", Search = "tim", Sort = "xep", Descending = "giam", Page = "trang";

    public static NominationQuery From(IQueryCollection q) => new()
    {
        Plan = Value(q, Plan),
        Phase = Value(q, Phase),
        Unit = Value(q, Unit),
        Award = Value(q, Award),
        Status = StatusFlow.Parse(Value(q, Status)),
        Incomplete = Value(q, Incomplete) is "1",
        Search = Value(q, Search),
        Sort = Enum.TryParse<NominationSort>(Value(q, Sort), ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort : NominationSort.Submitted,
        Descending = Value(q, Descending) is "1",
        Page = int.TryParse(Value(q, Page), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1,
    };

    /// <summary>"kehoach=…&amp;donvi=…" for the same view (another page, another order, the export).</summary>
    public static string ToQueryString(NominationQuery q)
    {
        var parts = new List<(string, string?)>
        {
            (Plan, q.Plan), (Phase, q.Phase), (Unit, q.Unit), (Award, q.Award), (Status, q.Status?.ToString()),
            (Incomplete, q.Incomplete ? "1" : null), (Search, q.Search),
            (Sort, q.Sort == NominationSort.Submitted ? null : q.Sort.ToString().ToLowerInvariant()), (Descending, q.Descending ? "1" : null),
            (Page, q.Page > 1 ? q.Page.ToString(CultureInfo.InvariantCulture) : null),
        };
        return string.Join('&', parts.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
    }

    private static string? Value(IQueryCollection q, string name) => q[name].ToString() is { Length: > 0 and <= 200 } v ? v.Trim() : null;
}
