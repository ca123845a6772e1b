// Vietnamese is the first locale: every UI string lives here (English in en.ts, same keys).
export const vi = {
  app: {
    name: "Chỉ số CCHC",
    fullName: "Chỉ số cải cách hành chính",
    province: "Tỉnh Sông Lam",
    tagline: "Kết quả xác định Chỉ số cải cách hành chính của các cơ quan, đơn vị trên địa bàn tỉnh",
    skipToContent: "Bỏ qua, tới nội dung chính",
    footer: "Dữ liệu minh họa. Điểm số, chỉ số và thứ hạng được tính tự động từ bộ chỉ số của từng năm.",
  },
  home: {
    title: "Bảng xếp hạng Chỉ số cải cách hành chính năm {year}",
    announcement: "Theo Thông báo số {number} ngày {date}",
    noPublishedYear: "Chưa có năm đánh giá nào được công bố.",
    unitTypeCaption: "Xếp hạng khối {unitType} năm {year}",
    columns: {
      rank: "Thứ hạng",
      agency: "Cơ quan, đơn vị",
      points: "Điểm đạt được",
      maxPoints: "Điểm tối đa",
      indexPercent: "Chỉ số (%)",
      band: "Xếp loại",
      change: "So với năm trước",
    },
    notRanked: "Không xếp hạng",
    rankChangeUp: "Tăng {n} bậc",
    rankChangeDown: "Giảm {n} bậc",
    rankChangeSame: "Giữ nguyên",
    rankChangeNew: "Mới",
    agencyCount: "{count} đơn vị",
  },
  errors: {
    generic: "Đã có lỗi xảy ra. Vui lòng thử lại sau. Mã sự cố: {eventId}",
    notFound: "Không tìm thấy trang bạn yêu cầu.",
    backHome: "Về trang chủ",
    retry: "Thử lại",
    loading: "Đang tải…",
  },
} as const;

export type Messages = typeof vi;
