namespace ThiDua.Core.Questions;

/// <summary>
/// Words that signal each kind of question, as officers write them (folded: no diacritics, after the glossary).
/// Weights rank competing signals: "hạn nộp hồ sơ" is about a deadline first, the dossier second.
/// </summary>
internal static class QuestionVocabulary
{
    public static readonly (QuestionKind Kind, string Phrase, double Weight)[] Signals =
    [
        (QuestionKind.ListCampaigns, "nhung ke hoach", 3), (QuestionKind.ListCampaigns, "cac ke hoach", 3),
        (QuestionKind.ListCampaigns, "ke hoach nao", 3), (QuestionKind.ListCampaigns, "danh sach ke hoach", 3),
        (QuestionKind.ListCampaigns, "phong trao nao", 3), (QuestionKind.ListCampaigns, "dot thi dua nao", 3),
        (QuestionKind.ListCampaigns, "bao nhieu ke hoach", 3), (QuestionKind.ListCampaigns, "nhung phong trao", 3),
        (QuestionKind.ListCampaigns, "cac phong trao", 3), (QuestionKind.ListCampaigns, "nhung dot thi dua", 3),
        (QuestionKind.ListCampaigns, "cac dot thi dua", 3), (QuestionKind.ListCampaigns, "dang dien ra", 1.5),
        (QuestionKind.ListCampaigns, "sap dien ra", 1.5), (QuestionKind.ListCampaigns, "da ket thuc", 1),
        (QuestionKind.ListCampaigns, "tat ca ke hoach", 3),

        (QuestionKind.Overview, "tom tat", 2), (QuestionKind.Overview, "tong quan", 2), (QuestionKind.Overview, "gioi thieu", 2),
        (QuestionKind.Overview, "noi ve gi", 2), (QuestionKind.Overview, "la gi", 1),
        (QuestionKind.Overview, "ai ky ke hoach", 4), (QuestionKind.Overview, "do ai ky", 4), (QuestionKind.Overview, "ban hanh", 2),
        (QuestionKind.Overview, "ban hanh thang", 3), (QuestionKind.Overview, "ban hanh khi nao", 3.5), (QuestionKind.Overview, "ban hanh ngay nao", 3.5), (QuestionKind.Overview, "nguoi ky", 3), (QuestionKind.Overview, "ngay ban hanh", 3),
        (QuestionKind.Overview, "ban hanh ngay", 3), (QuestionKind.Overview, "so hieu", 2.5), (QuestionKind.Overview, "co quan ban hanh", 3),

        (QuestionKind.TimeFrame, "thoi gian", 2), (QuestionKind.TimeFrame, "khi nao", 1.5), (QuestionKind.TimeFrame, "bao gio", 1.5),
        (QuestionKind.TimeFrame, "bat dau", 2), (QuestionKind.TimeFrame, "ket thuc", 2), (QuestionKind.TimeFrame, "keo dai", 2),
        (QuestionKind.TimeFrame, "dien ra", 1.5), (QuestionKind.TimeFrame, "bao lau", 2), (QuestionKind.TimeFrame, "tu ngay", 1.5),
        (QuestionKind.TimeFrame, "con hieu luc", 2), (QuestionKind.TimeFrame, "het chua", 2), (QuestionKind.TimeFrame, "xong chua", 2),
        (QuestionKind.TimeFrame, "may dot", 2), (QuestionKind.TimeFrame, "bao nhieu dot", 2), (QuestionKind.TimeFrame, "cac dot", 1.5),
        (QuestionKind.TimeFrame, "thoi diem", 1.5), (QuestionKind.TimeFrame, "giai doan", 1), (QuestionKind.TimeFrame, "chia dot", 3),
        (QuestionKind.TimeFrame, "chia lam", 2), (QuestionKind.TimeFrame, "dot nao", 2),

        (QuestionKind.Theme, "chu de", 3), (QuestionKind.Theme, "khau hieu", 3), (QuestionKind.Theme, "ten dot", 2),
        (QuestionKind.Theme, "ten goi", 1.5), (QuestionKind.Theme, "thong diep", 2),

        (QuestionKind.Purpose, "muc dich", 3), (QuestionKind.Purpose, "yeu cau", 2), (QuestionKind.Purpose, "y nghia", 2),
        (QuestionKind.Purpose, "nham muc", 2), (QuestionKind.Purpose, "de lam gi", 2), (QuestionKind.Purpose, "tai sao", 1.5),
        (QuestionKind.Purpose, "muc tieu", 2),

        (QuestionKind.Anniversaries, "ky niem", 1), (QuestionKind.Anniversaries, "chao mung", 1), (QuestionKind.Anniversaries, "nhan dip", 1),
        (QuestionKind.Anniversaries, "ngay le", 2), (QuestionKind.Anniversaries, "su kien", 1.5), (QuestionKind.Anniversaries, "ngay ky niem", 2.5),
        (QuestionKind.Anniversaries, "nam thanh lap", 0.5), (QuestionKind.Anniversaries, "ky niem nhung ngay", 3.5),
        (QuestionKind.Anniversaries, "ky niem ngay nao", 3.5), (QuestionKind.Anniversaries, "nhung ngay ky niem", 3.5), (QuestionKind.Anniversaries, "ky niem gi", 3),
        (QuestionKind.Awards, "ky niem chuong", 3.5), (QuestionKind.Awards, "xet khi nao", 3), (QuestionKind.Awards, "khen khi nao", 3),

        (QuestionKind.LegalBasis, "can cu", 3), (QuestionKind.LegalBasis, "co so phap ly", 3), (QuestionKind.LegalBasis, "phap ly", 2),
        (QuestionKind.LegalBasis, "van ban nao", 2.5), (QuestionKind.LegalBasis, "thuc hien theo", 1.5), (QuestionKind.LegalBasis, "dua tren", 1.5),
        (QuestionKind.LegalBasis, "luat", 1.5), (QuestionKind.LegalBasis, "nghi dinh", 2), (QuestionKind.LegalBasis, "huong dan so", 1.5),
        (QuestionKind.LegalBasis, "quy dinh nao", 2), (QuestionKind.LegalBasis, "van ban", 1), (QuestionKind.LegalBasis, "quy dinh", 1),
        (QuestionKind.Submission, "quy trinh", 1.5),

        (QuestionKind.Criteria, "tieu chuan", 3), (QuestionKind.Criteria, "tieu chi", 3), (QuestionKind.Criteria, "dieu kien", 2.5),
        (QuestionKind.Criteria, "the nao thi", 1.5), (QuestionKind.Criteria, "ai duoc", 1.5), (QuestionKind.Criteria, "doi tuong", 1.5),
        (QuestionKind.Criteria, "can dat", 1.5), (QuestionKind.Criteria, "yeu cau gi", 1.5), (QuestionKind.Criteria, "duoc xet", 1),

        (QuestionKind.Awards, "hinh thuc", 2.5), (QuestionKind.Awards, "khen thuong gi", 2.5), (QuestionKind.Awards, "bang khen", 1.5),
        (QuestionKind.Awards, "giay khen", 1.5), (QuestionKind.Awards, "ai quyet dinh", 2.5), (QuestionKind.Awards, "tham quyen", 2.5),
        (QuestionKind.Awards, "ai khen", 2), (QuestionKind.Awards, "khen thuong", 1), (QuestionKind.Awards, "co thi dua", 1.5),
        (QuestionKind.Awards, "danh hieu", 1.5), (QuestionKind.Awards, "ai ky", 2), (QuestionKind.Awards, "cap nao khen", 2),

        (QuestionKind.Quotas, "so luong", 3), (QuestionKind.Quotas, "bao nhieu suat", 3), (QuestionKind.Quotas, "chi tieu khen", 3),
        (QuestionKind.Quotas, "toi da", 3), (QuestionKind.Quotas, "khong qua", 2), (QuestionKind.Quotas, "co cau", 2),
        (QuestionKind.Quotas, "dinh muc", 2), (QuestionKind.Quotas, "bao nhieu tap the", 3), (QuestionKind.Quotas, "bao nhieu ca nhan", 3),
        (QuestionKind.Quotas, "suat", 2), (QuestionKind.Quotas, "khen bao nhieu", 3), (QuestionKind.Quotas, "gioi han", 2),

        (QuestionKind.Dossier, "ho so", 2), (QuestionKind.Dossier, "giay to", 2.5), (QuestionKind.Dossier, "thanh phan", 2),
        (QuestionKind.Dossier, "gom nhung gi", 1.5), (QuestionKind.Dossier, "gom gi", 1.5), (QuestionKind.Dossier, "to trinh", 2),
        (QuestionKind.Dossier, "bien ban", 2), (QuestionKind.Dossier, "bao cao thanh tich", 2.5), (QuestionKind.Dossier, "trich ngang", 2.5),
        (QuestionKind.Dossier, "may bo", 2.5), (QuestionKind.Dossier, "bao nhieu bo", 2.5), (QuestionKind.Dossier, "ban giay", 2),
        (QuestionKind.Dossier, "ban dien tu", 2), (QuestionKind.Dossier, "chuan bi gi", 2), (QuestionKind.Dossier, "thu tuc", 2),
        (QuestionKind.Dossier, "mau", 0.5),

        (QuestionKind.Submission, "nop o dau", 4), (QuestionKind.Submission, "nop dau", 4), (QuestionKind.Submission, "gui ve dau", 4),
        (QuestionKind.Submission, "gui dau", 4), (QuestionKind.Submission, "noi nop", 4), (QuestionKind.Submission, "nop qua", 3),
        (QuestionKind.Submission, "nop truc tuyen", 4), (QuestionKind.Submission, "dich vu cong", 3), (QuestionKind.Submission, "cach nop", 4),
        (QuestionKind.Submission, "nop nhu the nao", 4), (QuestionKind.Submission, "tiep nhan", 2.5), (QuestionKind.Submission, "gui ve", 2),
        (QuestionKind.Submission, "nop ve", 2), (QuestionKind.Submission, "nop cho ai", 4), (QuestionKind.Submission, "gui cho ai", 4),
        (QuestionKind.Submission, "nop", 1), (QuestionKind.Submission, "truc tuyen", 2), (QuestionKind.Submission, "cong thong tin", 1.5),
        (QuestionKind.Submission, "gui so nao", 3.5), (QuestionKind.Submission, "gui ve so", 3), (QuestionKind.Submission, "gui co quan nao", 3.5),
        (QuestionKind.Submission, "gui ai", 3), (QuestionKind.Submission, "nop so nao", 3.5),

        (QuestionKind.Appraisal, "tham dinh", 3.5), (QuestionKind.Appraisal, "xet duyet", 3), (QuestionKind.Appraisal, "ai xet", 3),
        (QuestionKind.Appraisal, "co quan nao xet", 3), (QuestionKind.Appraisal, "hoi dong", 1.5), (QuestionKind.Appraisal, "ai duyet", 3),

        (QuestionKind.Deadlines, "han", 2.5), (QuestionKind.Deadlines, "thoi han", 3), (QuestionKind.Deadlines, "truoc ngay", 2),
        (QuestionKind.Deadlines, "cham nhat", 2.5), (QuestionKind.Deadlines, "bao cao", 1.5), (QuestionKind.Deadlines, "so ket", 2.5),
        (QuestionKind.Deadlines, "tong ket", 2.5), (QuestionKind.Deadlines, "moc", 2), (QuestionKind.Deadlines, "lich", 1.5),
        (QuestionKind.Deadlines, "ngay nao", 1.5), (QuestionKind.Deadlines, "den han", 2.5), (QuestionKind.Deadlines, "nop khi nao", 3),
        (QuestionKind.Deadlines, "nop truoc", 3), (QuestionKind.Deadlines, "qua han", 2.5), (QuestionKind.Deadlines, "tre han", 2.5),
        (QuestionKind.Deadlines, "nop ke hoach", 3.5), (QuestionKind.Deadlines, "gui ke hoach", 3.5), (QuestionKind.Deadlines, "xay dung ke hoach", 3),
        (QuestionKind.Deadlines, "ban hanh ke hoach", 3.5),

        (QuestionKind.NextDeadlines, "sap toi", 3), (QuestionKind.NextDeadlines, "sap den", 3), (QuestionKind.NextDeadlines, "tiep theo", 2.5),
        (QuestionKind.NextDeadlines, "gan nhat", 3), (QuestionKind.NextDeadlines, "sap het han", 3.5), (QuestionKind.NextDeadlines, "sap den han", 3.5),
        (QuestionKind.NextDeadlines, "can lam ngay", 2), (QuestionKind.NextDeadlines, "tuan nay", 2), (QuestionKind.NextDeadlines, "thang nay", 2),

        (QuestionKind.Tasks, "nhiem vu", 2.5), (QuestionKind.Tasks, "quy", 1.5), (QuestionKind.Tasks, "cong viec", 2),
        (QuestionKind.Tasks, "phai lam gi", 2), (QuestionKind.Tasks, "can lam gi", 2), (QuestionKind.Tasks, "viec gi", 2),

        (QuestionKind.Responsibilities, "trach nhiem", 3), (QuestionKind.Responsibilities, "phan cong", 3),
        (QuestionKind.Responsibilities, "to chuc thuc hien", 3), (QuestionKind.Responsibilities, "ai lam", 2.5),
        (QuestionKind.Responsibilities, "chu tri", 2.5), (QuestionKind.Responsibilities, "phoi hop", 2), (QuestionKind.Responsibilities, "ai phu trach", 3),
        (QuestionKind.Responsibilities, "don vi nao", 1.5), (QuestionKind.Responsibilities, "lam gi", 2),
        (QuestionKind.Responsibilities, "nhiem vu cua", 3), (QuestionKind.Responsibilities, "co nhiem vu", 2.5), (QuestionKind.Responsibilities, "thuong truc", 2.5), (QuestionKind.Responsibilities, "co quan nao", 1.5),

        (QuestionKind.Contacts, "lien he", 4), (QuestionKind.Contacts, "dien thoai", 4), (QuestionKind.Contacts, "email", 4),
        (QuestionKind.Contacts, "hoi ai", 3), (QuestionKind.Contacts, "dau moi", 3.5), (QuestionKind.Contacts, "can bo phu trach", 3),
        (QuestionKind.Contacts, "goi ai", 3), (QuestionKind.Contacts, "dia chi", 2),

        (QuestionKind.Contents, "noi dung", 2.5), (QuestionKind.Contents, "thi dua ve", 2), (QuestionKind.Contents, "hoat dong", 1.5),
        (QuestionKind.Contents, "thi dua gi", 2.5), (QuestionKind.Contents, "phong trao gi", 1.5),

        (QuestionKind.Targets, "chi tieu", 2.5), (QuestionKind.Targets, "phan dau", 2), (QuestionKind.Targets, "ty le", 1.5),
    ];
}
