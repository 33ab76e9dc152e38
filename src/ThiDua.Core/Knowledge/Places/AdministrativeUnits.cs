using System.Text.Json;
using ThiDua.Core.Text;

namespace ThiDua.Core.Knowledge.Places;

public enum PlaceLevel { Province, District, Commune }

/// <summary>Before the rearrangement of 1 July 2025 (63 provinces, districts) or after it (34 provinces, no districts).</summary>
public enum PlaceEra { Before2025, After2025 }

/// <summary>One administrative unit: "Phường Cam Phú", in "Thành phố Cam Ranh", "Tỉnh Khánh Hòa", before 2025.</summary>
public sealed record Place(string Name, PlaceLevel Level, PlaceEra Era, string Province, string? District)
{
    /// <summary>"Cam Phú": the name without its kind.</summary>
    public string Bare => AdministrativeUnits.BareName(Name);

    /// <summary>"phường Cam Phú": the name as written inside a sentence.</summary>
    public string InSentence => char.ToLowerInvariant(Name[0]) + Name[1..];

    /// <summary>The units of the other era it became or came from (after 2025: what it was formed from).</summary>
    public IReadOnlyList<string> FormedFrom { get; init; } = [];
}

/// <summary>A place a message names, and where in its words.</summary>
public sealed record PlaceMention(IReadOnlyList<Place> Places, int Start, int Length)
{
    /// <summary>The same words named a loaded plan ("Lào Cai"): a place that plan covers.</summary>
    public bool NamesPlan { get; init; }

    public Place First => Places[0];
}

/// <summary>
/// Vietnam's administrative units before and after the 2025 rearrangement (data/places/vietnam-units.json, from
/// the public datasets named in its "sources"): so the bot knows that Bình Định is a province and Tả Van a commune
/// even with no plan of theirs loaded, and can say so instead of guessing another plan.
/// Districts and communes are recognised only after their kind ("xã Tả Van", "huyện Sa Pa"): their bare names are
/// often ordinary words ("Đoàn Kết", "Thống Nhất"). Province names are recognised alone.
/// </summary>
public sealed class AdministrativeUnits
{
    private static readonly string[] Kinds = ["Thành phố", "Thị xã", "Thị trấn", "Đặc khu", "Tỉnh", "Quận", "Huyện", "Phường", "Xã"];

    /// <summary>How officers write each kind (folded); "tp" is a city, "tx" a town.</summary>
    private static readonly Dictionary<string, string[]> KindWords = new(StringComparer.Ordinal)
    {
        ["Tỉnh"] = ["tinh"],
        ["Thành phố"] = ["thanh pho", "tp"],
        ["Quận"] = ["quan"],
        ["Huyện"] = ["huyen"],
        ["Thị xã"] = ["thi xa", "tx"],
        ["Phường"] = ["phuong"],
        ["Xã"] = ["xa"],
        ["Thị trấn"] = ["thi tran", "tt"],
        ["Đặc khu"] = ["dac khu"],
    };

    /// <summary>Province names that are also everyday words or the start of a longer name ("hòa bình" is peace).</summary>
    private static readonly HashSet<string> NotAloneProvince = new(StringComparer.Ordinal) { "hoa binh" };

    /// <summary>Phrases a bare province name starts that are not that province: the 1954 victory is not the province.</summary>
    private static readonly string[][] NotPlaces = [["dien", "bien", "phu"]];

    /// <summary>Names by their first two words ("xa ta"), or their one word: "xã" alone starts ten thousand names.</summary>
    private readonly Dictionary<string, List<(string[] Words, Place Place)>> _byStart = new(StringComparer.Ordinal);
    private readonly List<Place> _all = [];

    public static AdministrativeUnits Empty { get; } = new([]);

    public IReadOnlyList<Place> All => _all;

    public IReadOnlyList<UnitSource> Sources { get; private init; } = [];

    public AdministrativeUnits(IEnumerable<Place> places)
    {
        foreach (var place in places)
        {
            _all.Add(place);
            var kind = KindOf(place.Name);
            var bare = VietnameseText.Words(place.Bare).ToArray();
            if (bare.Length == 0) continue;
            foreach (var word in KindWords.GetValueOrDefault(kind, []))
                Add([.. word.Split(' '), .. bare], place);
            if (place.Level == PlaceLevel.Province && !NotAloneProvince.Contains(string.Join(' ', bare))) Add(bare, place);
        }
        foreach (var list in _byStart.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    private void Add(string[] words, Place place)
    {
        var key = words.Length >= 2 ? words[0] + " " + words[1] : words[0];
        if (!_byStart.TryGetValue(key, out var list)) _byStart[key] = list = [];
        list.Add((words, place));
    }

    /// <summary>The places named in folded words, longest phrase first, skipping the positions given.</summary>
    public List<PlaceMention> Find(IReadOnlyList<string> words, IReadOnlySet<int>? skip = null)
    {
        var found = new List<PlaceMention>();
        for (var i = 0; i < words.Count;)
        {
            if (skip?.Contains(i) == true) { i++; continue; }
            if (NotPlaces.FirstOrDefault(p => WordSequence.StartsAt(words, i, p)) is { } notPlace) { i += notPlace.Length; continue; }
            // Names of two words or more first; each list is longest first, so its first match is the longest.
            var (list, length) = LongestAt(words, i, i + 1 < words.Count ? words[i] + " " + words[i + 1] : null) is { Length: > 0 } two ? two : LongestAt(words, i, words[i]);
            if (length == 0) { i++; continue; }
            var places = list.Where(p => p.Words.Length == length && WordSequence.StartsAt(words, i, p.Words)).Select(p => p.Place)
                .OrderBy(p => p.Era == PlaceEra.After2025 ? 0 : 1).ThenBy(p => p.Level).Distinct().ToList();
            found.Add(new PlaceMention(places, i, length));
            i += length;
        }
        return found;
    }

    private (List<(string[] Words, Place Place)> List, int Length) LongestAt(IReadOnlyList<string> words, int i, string? key) =>
        key is not null && _byStart.TryGetValue(key, out var list) && list.FirstOrDefault(p => WordSequence.StartsAt(words, i, p.Words)).Words is { } match
            ? (list, match.Length) : ([], 0);

    /// <summary>
    /// "Cam Phú" written with its marks is not "Cẩm Phú": when the message's own spelling picks some of the units
    /// its folded words name, only those are meant. Unmarked text ("cam phu") keeps them all.
    /// </summary>
    public static PlaceMention AsWritten(PlaceMention mention, string text)
    {
        if (mention.Places.Select(p => p.Bare).Distinct(StringComparer.Ordinal).Count() < 2) return mention;
        var normalized = text.Normalize(System.Text.NormalizationForm.FormC);
        var written = mention.Places.Where(p => normalized.Contains(p.Bare.Normalize(System.Text.NormalizationForm.FormC), StringComparison.OrdinalIgnoreCase)).ToList();
        return written.Count == 0 || written.Count == mention.Places.Count ? mention : mention with { Places = written };
    }

    /// <summary>The units of the other era a place became or came from.</summary>
    public IEnumerable<Place> Successors(Place before) =>
        _all.Where(p => p.Era == PlaceEra.After2025 && p.Level == before.Level && p.FormedFrom.Any(f => VietnameseText.Fold(f) == VietnameseText.Fold(before.Name))
            && (before.Level == PlaceLevel.Province || ProvinceOf(p)?.FormedFrom.Any(f => VietnameseText.Fold(f) == VietnameseText.Fold(before.Province)) == true));

    private Place? ProvinceOf(Place p) => _all.FirstOrDefault(x => x.Era == p.Era && x.Level == PlaceLevel.Province && x.Name == p.Province);

    public static string BareName(string name)
    {
        foreach (var kind in Kinds)
            if (name.StartsWith(kind + " ", StringComparison.OrdinalIgnoreCase)) return name[(kind.Length + 1)..].Trim();
        return name;
    }

    private static string KindOf(string name) => Kinds.FirstOrDefault(k => name.StartsWith(k + " ", StringComparison.OrdinalIgnoreCase)) ?? "";

    /// <summary>Reads data/places/vietnam-units.json; a missing file means no place knowledge, not an error.</summary>
    public static AdministrativeUnits Load(string dataFolder)
    {
        var path = Path.Combine(dataFolder, "places", "vietnam-units.json");
        if (!File.Exists(path)) return Empty;
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<UnitsFile>(stream, KnowledgeJson.Options) ?? throw new InvalidDataException($"{path}: tệp rỗng");
        var places = new List<Place>();
        foreach (var p in file.Before2025)
        {
            places.Add(new Place(p.Name, PlaceLevel.Province, PlaceEra.Before2025, p.Name, null));
            foreach (var d in p.Districts ?? [])
            {
                places.Add(new Place(d.Name, PlaceLevel.District, PlaceEra.Before2025, p.Name, null));
                foreach (var c in d.Communes ?? []) places.Add(new Place(c, PlaceLevel.Commune, PlaceEra.Before2025, p.Name, d.Name));
            }
        }
        foreach (var p in file.After2025)
        {
            places.Add(new Place(p.Name, PlaceLevel.Province, PlaceEra.After2025, p.Name, null) { FormedFrom = p.FormedFrom ?? [] });
            foreach (var c in p.Communes ?? [])
                places.Add(new Place(c.Name, PlaceLevel.Commune, PlaceEra.After2025, p.Name, null) { FormedFrom = c.FormedFrom ?? [] });
        }
        return new AdministrativeUnits(places) { Sources = file.Sources };
    }

    public sealed record UnitSource(string Name, string Url, string? Commit, string? AsOf, string? Covers);

    private sealed record UnitsFile(List<UnitSource> Sources, List<ProvinceBefore> Before2025, List<ProvinceAfter> After2025);

    private sealed record ProvinceBefore(string Name, List<DistrictBefore>? Districts);

    private sealed record DistrictBefore(string Name, List<string>? Communes);

    private sealed record ProvinceAfter(string Name, List<string>? FormedFrom, List<CommuneAfter>? Communes);

    private sealed record CommuneAfter(string Name, List<string>? FormedFrom);
}
