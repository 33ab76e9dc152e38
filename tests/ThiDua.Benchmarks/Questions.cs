namespace ThiDua.Benchmarks;

/// <summary>A mix of officers' questions (with and without diacritics, abbreviations, follow-ups) to measure against.</summary>
internal static class Questions
{
    public static readonly string[] Mixed =
    [
        "Có những kế hoạch thi đua nào?",
        "hồ sơ khen thưởng Lào Cai gồm những gì?",
        "ho so de nghi khen thuong lao cai gom gi",
        "tiêu chuẩn khen thưởng tập thể của Hải Dương",
        "còn cá nhân thì sao?",
        "thời gian đợt 2 thì sao?",
        "hạn nộp báo cáo kh 217",
        "Cam Phú nộp báo cáo về đâu, trước ngày nào?",
        "kế hoạch 70 năm giải phóng Hải Phòng của quận Dương Kinh kéo dài đến khi nào",
        "nhiệm vụ quý 2 Điện Biên",
        "ai thẩm định hồ sơ bk ct tỉnh",
        "số lượng khen thưởng tối đa là bao nhiêu",
        "hạn sắp tới",
        "chủ đề đợt thi đua cao điểm Lào Cai",
        "căn cứ pháp lý của kế hoạch 1023",
        "liên hệ ai để hỏi về hồ sơ",
        "Cuộc thi tìm hiểu hiệp định Giơ-ne-vơ",
        "xyz abc không liên quan",
    ];
}
