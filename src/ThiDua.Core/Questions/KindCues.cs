namespace ThiDua.Core.Questions;

/// <summary>
/// How officers ask for each kind of fact (folded, after the glossary). A cue is a prior, not a gate: it raises the
/// kinds it names, and the units that hold the question's other words decide among them. Weights say how surely a
/// phrase names its kind: "mấy bộ" is about copies whatever else is said; "khi nào" could be about many things.
/// </summary>
internal static class KindCues
{
    private static readonly (QuestionKind Kind, (string Phrase, double Weight)[] Cues)[] ByKind =
    [
        (QuestionKind.ListCampaigns, [
            ("nhung ke hoach", 3), ("cac ke hoach", 3), ("ke hoach nao", 3), ("danh sach ke hoach", 3), ("phong trao nao", 3),
            ("dot thi dua nao", 3), ("bao nhieu ke hoach", 3), ("nhung phong trao", 3), ("cac phong trao", 3),
            ("nhung dot thi dua", 3), ("cac dot thi dua", 3), ("tat ca ke hoach", 3), ("co may ke hoach", 3),
            ("dang dien ra", 1.5), ("sap dien ra", 1.5), ("da ket thuc", 1)]),
        // The same words about one named plan: its movements, its state.
        (QuestionKind.Contents, [("phong trao nao", 2.5), ("nhung phong trao", 2.5), ("cac phong trao", 2)]),
        (QuestionKind.TimeFrame, [("dot thi dua nao", 3), ("dang dien ra", 2.5), ("sap dien ra", 2.5), ("da ket thuc", 2.5)]),
        (QuestionKind.Overview, [
            ("tom tat", 2.5), ("tong quan", 2.5), ("gioi thieu ke hoach", 3), ("noi ve gi", 2.5), ("noi gi", 2), ("la gi", 1),
            ("ten ke hoach", 2.5), ("ten goi", 1.5), ("trich yeu", 2.5)]),
        (QuestionKind.Issuance, [
            ("ai ky", 4), ("nguoi ky", 4), ("do ai ky", 4), ("ky ngay", 3.5), ("ky khi nao", 3.5), ("ky ngay nao", 4),
            ("ban hanh ngay", 3.5), ("ban hanh khi nao", 3.5), ("ban hanh ngay nao", 4), ("ban hanh thang", 3.5),
            ("ngay ban hanh", 3.5), ("co quan ban hanh", 3.5), ("ai ban hanh", 3.5), ("do ai ban hanh", 3.5), ("cap nao ban hanh", 3.5),
            ("so hieu", 3), ("so may", 3), ("so bao nhieu", 2.5), ("so ke hoach", 3), ("so van ban", 3), ("ky hieu", 2),
            ("ban hanh", 1.5), ("chu ky", 3), ("ky ten", 3)]),
        (QuestionKind.TimeFrame, [
            ("thoi gian", 2), ("khi nao", 1.5), ("bao gio", 1.5), ("bat dau", 2.5), ("ket thuc", 2.5), ("keo dai", 2.5),
            ("dien ra", 1.5), ("bao lau", 2.5), ("tu ngay", 1.5), ("con hieu luc", 2), ("het chua", 2), ("xong chua", 2),
            ("may dot", 3), ("bao nhieu dot", 3), ("may giai doan", 3), ("bao nhieu giai doan", 3), ("dot may", 3), ("dot bao nhieu", 3),
            ("giai doan may", 3), ("giai doan bao nhieu", 3), ("cac dot", 2), ("thoi diem", 1.5), ("giai doan", 1.5), ("chia dot", 3),
            ("chia lam", 2.5), ("dot nao", 2), ("den bao gio", 2.5), ("den khi nao", 2.5), ("tu khi nao", 2.5),
            ("thoi gian thi dua", 3), ("con bao lau", 2.5), ("con bao nhieu ngay", 2.5), ("bao nhieu ngay nua", 2.5),
            ("den ngay nao", 2.5), ("het thoi gian", 2.5)]),
        (QuestionKind.Theme, [
            ("chu de", 3), ("khau hieu", 3), ("ten dot", 2), ("thong diep", 2.5)]),
        (QuestionKind.Purpose, [
            ("muc dich", 3), ("yeu cau", 2), ("y nghia", 2), ("nham muc", 2), ("de lam gi", 2), ("tai sao", 1.5),
            ("muc tieu", 2), ("nham", 1)]),
        (QuestionKind.Anniversaries, [
            ("ky niem", 1), ("chao mung", 1), ("nhan dip", 1), ("ngay le", 2), ("su kien", 1.5), ("ngay ky niem", 2.5),
            ("nam thanh lap", 0.5), ("ky niem nhung ngay", 3.5), ("ky niem ngay nao", 3.5), ("nhung ngay ky niem", 3.5),
            ("ky niem gi", 3), ("chao mung gi", 3), ("nhan dip gi", 3)]),
        (QuestionKind.LegalBasis, [
            ("can cu", 3), ("co so phap ly", 3.5), ("phap ly", 2.5), ("van ban nao", 2.5), ("thuc hien theo", 1.5),
            ("dua tren", 1.5), ("luat", 1.5), ("nghi dinh", 2), ("huong dan so", 1.5), ("quy dinh nao", 2),
            ("van ban", 1), ("quy dinh", 1), ("thong tu", 2), ("chi thi", 1.5), ("cong van", 2.5),
            ("thuc hien ke hoach", 2.5), ("thuc hien van ban", 3), ("thuc hien cong van", 3), ("can cu vao", 3), ("trien khai van ban", 3)]),
        (QuestionKind.Criteria, [
            ("tieu chuan", 3), ("tieu chi", 3), ("dieu kien", 2.5), ("the nao thi", 1.5), ("ai duoc", 2), ("doi tuong", 2),
            ("can dat", 2), ("yeu cau gi", 1.5), ("duoc xet", 1.5), ("phai dat", 2), ("dat gi", 1.5), ("thanh tich gi", 2)]),
        (QuestionKind.Awards, [
            ("hinh thuc", 2.5), ("khen thuong gi", 2.5), ("bang khen", 1.5), ("giay khen", 1.5), ("ai quyet dinh", 2.5),
            ("tham quyen", 2.5), ("ai khen", 2.5), ("khen thuong", 1), ("co thi dua", 1.5), ("danh hieu", 1.5),
            ("cap nao khen", 2.5), ("huan chuong", 1.5), ("ky niem chuong", 3.5), ("xet khen", 1.5), ("xet khi nao", 2),
            ("khen khi nao", 2), ("duoc khen", 1.5), ("loai khen", 2.5), ("khen cua ai", 3.5), ("cua ai", 2),
            ("ai tang", 3), ("tang bang khen", 2), ("tang giay khen", 2)]),
        (QuestionKind.Quotas, [
            ("so luong", 3), ("bao nhieu suat", 3), ("chi tieu khen", 3), ("toi da", 3), ("khong qua", 2), ("co cau", 2),
            ("dinh muc", 2), ("bao nhieu tap the", 3), ("bao nhieu ca nhan", 3), ("suat", 2), ("khen bao nhieu", 3),
            ("gioi han", 2), ("bao nhieu truong hop", 3), ("may suat", 3), ("duoc de nghi bao nhieu", 3)]),
        (QuestionKind.Dossier, [
            ("ho so", 2), ("giay to", 2.5), ("thanh phan", 2), ("gom nhung gi", 1.5), ("gom gi", 1.5), ("to trinh", 2),
            ("bien ban", 2), ("bao cao thanh tich", 2.5), ("trich ngang", 2.5), ("may bo", 3.5), ("bao nhieu bo", 3.5),
            ("so bo", 3), ("ban giay", 2), ("ban dien tu", 2), ("chuan bi gi", 2), ("thu tuc", 2), ("mau", 0.5),
            ("ban chinh", 2), ("ban sao", 2), ("can nhung gi", 1.5)]),
        (QuestionKind.Submission, [
            ("nop o dau", 4), ("nop dau", 4), ("gui ve dau", 4), ("gui dau", 4), ("noi nop", 4), ("nop qua", 3),
            ("nop truc tuyen", 4), ("dich vu cong", 3), ("cach nop", 4), ("nop nhu the nao", 4), ("tiep nhan", 2.5),
            ("gui ve", 2), ("nop ve", 2), ("nop cho ai", 4), ("gui cho ai", 4), ("nop", 1), ("truc tuyen", 2),
            ("cong thong tin", 1.5), ("gui so nao", 3.5), ("gui ve so", 3), ("gui co quan nao", 3.5), ("gui ai", 3),
            ("nop so nao", 3.5), ("o dau nhan", 4), ("dau nhan", 3.5), ("noi nhan", 3), ("ai nhan", 3.5), ("nop tai", 3),
            ("quy trinh", 1.5), ("ve dau", 2.5), ("o dau", 2)]),
        (QuestionKind.Appraisal, [
            ("tham dinh", 3.5), ("xet duyet", 3), ("ai xet", 3), ("co quan nao xet", 3), ("hoi dong", 1.5), ("ai duyet", 3),
            ("binh xet", 2.5)]),
        (QuestionKind.Deadlines, [
            ("han", 2.5), ("thoi han", 3), ("truoc ngay", 2), ("cham nhat", 2.5), ("bao cao", 1.5), ("so ket", 2.5),
            ("tong ket", 2.5), ("moc", 2), ("lich", 1.5), ("ngay nao", 1.5), ("den han", 2.5), ("nop khi nao", 3),
            ("nop truoc", 3), ("qua han", 2.5), ("tre han", 2.5), ("nop ke hoach", 3.5), ("gui ke hoach", 3.5),
            ("xay dung ke hoach", 3), ("ban hanh ke hoach", 3.5), ("han chot", 3.5), ("luc nao", 1.5), ("het han", 3),
            ("con bao nhieu ngay", 2.5), ("bao nhieu ngay nua", 2.5), ("con kip", 2.5),
            ("con nop", 3), ("con nop duoc", 3.5), ("con han", 3), ("con nhan", 2.5)]),
        (QuestionKind.NextDeadlines, [
            ("sap toi", 3), ("sap den", 3), ("tiep theo", 2.5), ("gan nhat", 3), ("sap het han", 3.5), ("sap den han", 3.5),
            ("can lam ngay", 2), ("tuan nay", 2), ("thang nay", 2), ("sap toi han", 3.5)]),
        (QuestionKind.Tasks, [
            ("nhiem vu", 2.5), ("quy", 1.5), ("cong viec", 2), ("phai lam gi", 2), ("can lam gi", 2), ("viec gi", 2)]),
        (QuestionKind.Responsibilities, [
            ("trach nhiem", 3), ("phan cong", 3), ("to chuc thuc hien", 3), ("ai lam", 2.5), ("chu tri", 2.5),
            ("phoi hop", 2), ("ai phu trach", 3), ("don vi nao", 1.5), ("lam gi", 2), ("nhiem vu cua", 3), ("co nhiem vu", 2.5),
            ("thuong truc", 2.5), ("co quan nao", 1.5), ("giao cho", 2.5), ("duoc giao", 2.5), ("tham muu", 2.5)]),
        (QuestionKind.Contacts, [
            ("lien he", 4), ("dien thoai", 4), ("email", 4), ("hoi ai", 3), ("dau moi", 3.5), ("can bo phu trach", 3),
            ("goi ai", 3), ("dia chi", 2), ("so dien thoai", 4), ("sdt", 4)]),
        (QuestionKind.Contents, [
            ("noi dung", 2.5), ("thi dua ve", 2), ("hoat dong", 1.5), ("thi dua gi", 2.5), ("phong trao gi", 1.5)]),
        (QuestionKind.Targets, [
            ("chi tieu", 2.5), ("phan dau", 2), ("ty le", 2), ("phan tram", 2)]),
        (QuestionKind.Funding, [
            ("tien thuong", 4), ("muc thuong", 4), ("bao nhieu tien", 4), ("kinh phi", 3.5), ("thuong bao nhieu", 3.5),
            ("quy thi dua", 3), ("nguon kinh phi", 4), ("muc tien", 4)]),
    ];

    /// <summary>Every cue, and each "bao nhiêu …" said as "mấy …" too ("mấy cá nhân", "mấy ngày nữa"), as surely.</summary>
    public static IEnumerable<(QuestionKind Kind, string Phrase, double Weight)> All { get; } =
        [.. ByKind.SelectMany(k => k.Cues.SelectMany(c => Spoken(c.Phrase).Select(p => (k.Kind, Phrase: p, c.Weight))))
            .GroupBy(c => (c.Kind, c.Phrase)).Select(g => g.MaxBy(c => c.Weight))];

    private static IEnumerable<string> Spoken(string phrase) =>
        phrase.Contains("bao nhieu", StringComparison.Ordinal) ? [phrase, phrase.Replace("bao nhieu", "may", StringComparison.Ordinal)] : [phrase];
}
