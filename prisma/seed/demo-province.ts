// The demo province "Sông Lam": a fictional province with real-sounding agencies, used by `npm run
// demo` and the tests. Departments follow the structure after the 2025 reorganisation, with the
// departments merged on 01/03/2025 kept as history (2024) linked to their successors.

export const DEPARTMENTS_UNIT_TYPE = { code: "so-ban-nganh", name: "Sở, ban, ngành", sortOrder: 1 } as const;
export const COMMUNES_UNIT_TYPE = { code: "ubnd-cap-xa", name: "UBND cấp xã", sortOrder: 2 } as const;

export type DemoAgency = {
  slug: string;
  name: string;
  shortName?: string;
  unitTypeCode: string;
  /** ISO dates; absent = open-ended. */
  activeFrom?: string;
  activeTo?: string;
  isRanked?: boolean;
  /** 0..1: how well the agency does, so results are plausible and stable between runs. */
  quality: number;
};

const REORGANISED_ON = "2025-03-01";
const LAST_DAY_BEFORE_REORGANISATION = "2025-02-28";

const department = (slug: string, name: string, quality: number, extra: Partial<DemoAgency> = {}): DemoAgency => ({
  slug,
  name,
  unitTypeCode: DEPARTMENTS_UNIT_TYPE.code,
  quality,
  ...extra,
});

export const DEMO_DEPARTMENTS: DemoAgency[] = [
  department("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", 0.93, { shortName: "VP UBND" }),
  department("so-noi-vu", "Sở Nội vụ", 0.95, { shortName: "SNV" }),
  department("so-tu-phap", "Sở Tư pháp", 0.9, { shortName: "STP" }),
  department("so-tai-chinh", "Sở Tài chính", 0.92, { shortName: "STC" }),
  department("so-cong-thuong", "Sở Công Thương", 0.84, { shortName: "SCT" }),
  department("so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường", 0.8, { shortName: "SNNMT", activeFrom: REORGANISED_ON }),
  department("so-xay-dung", "Sở Xây dựng", 0.86, { shortName: "SXD" }),
  department("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", 0.91, { shortName: "SKHCN" }),
  department("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", 0.83, { shortName: "SGDĐT" }),
  department("so-y-te", "Sở Y tế", 0.79, { shortName: "SYT" }),
  department("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", 0.82, { shortName: "SVHTTDL" }),
  department("so-dan-toc-va-ton-giao", "Sở Dân tộc và Tôn giáo", 0.78, { shortName: "SDTTG", activeFrom: REORGANISED_ON }),
  department("so-ngoai-vu", "Sở Ngoại vụ", 0.81, { shortName: "SNgV" }),
  department("thanh-tra-tinh", "Thanh tra tỉnh", 0.85, { shortName: "TTT" }),
  department("ban-quan-ly-cac-khu-cong-nghiep", "Ban Quản lý các khu công nghiệp tỉnh", 0.77, { shortName: "BQL KCN" }),
  // Scored for reference but not ranked with the departments.
  department("van-phong-doan-dbqh-va-hdnd-tinh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh", 0.88, {
    shortName: "VP Đoàn ĐBQH và HĐND",
    isRanked: false,
  }),
  // Merged on 01/03/2025 (history only).
  department("so-ke-hoach-va-dau-tu", "Sở Kế hoạch và Đầu tư", 0.89, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
  department("so-giao-thong-van-tai", "Sở Giao thông vận tải", 0.8, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
  department("so-thong-tin-va-truyen-thong", "Sở Thông tin và Truyền thông", 0.9, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
  department("so-lao-dong-thuong-binh-va-xa-hoi", "Sở Lao động - Thương binh và Xã hội", 0.82, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
  department("so-tai-nguyen-va-moi-truong", "Sở Tài nguyên và Môi trường", 0.79, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
  department("so-nong-nghiep-va-phat-trien-nong-thon", "Sở Nông nghiệp và Phát triển nông thôn", 0.83, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
  department("ban-dan-toc", "Ban Dân tộc tỉnh", 0.76, { activeTo: LAST_DAY_BEFORE_REORGANISATION }),
];

/** predecessor slug → successor slug, with the kind of change, effective 01/03/2025. */
export const DEMO_SUCCESSIONS: { predecessor: string; successor: string; kind: "MERGE" | "RENAME" }[] = [
  { predecessor: "so-ke-hoach-va-dau-tu", successor: "so-tai-chinh", kind: "MERGE" },
  { predecessor: "so-giao-thong-van-tai", successor: "so-xay-dung", kind: "MERGE" },
  { predecessor: "so-thong-tin-va-truyen-thong", successor: "so-khoa-hoc-va-cong-nghe", kind: "MERGE" },
  { predecessor: "so-lao-dong-thuong-binh-va-xa-hoi", successor: "so-noi-vu", kind: "MERGE" },
  { predecessor: "so-tai-nguyen-va-moi-truong", successor: "so-nong-nghiep-va-moi-truong", kind: "MERGE" },
  { predecessor: "so-nong-nghiep-va-phat-trien-nong-thon", successor: "so-nong-nghiep-va-moi-truong", kind: "MERGE" },
  { predecessor: "ban-dan-toc", successor: "so-dan-toc-va-ton-giao", kind: "RENAME" },
];
export const SUCCESSION_DATE = REORGANISED_ON;

const commune = (slug: string, name: string, quality: number): DemoAgency => ({
  slug,
  name,
  unitTypeCode: COMMUNES_UNIT_TYPE.code,
  quality,
});

export const DEMO_COMMUNES: DemoAgency[] = [
  commune("phuong-bac-son", "Phường Bắc Sơn", 0.9),
  commune("phuong-dong-thanh", "Phường Đông Thành", 0.88),
  commune("phuong-hoa-binh", "Phường Hòa Bình", 0.92),
  commune("phuong-nam-ly", "Phường Nam Lý", 0.85),
  commune("phuong-tan-an", "Phường Tân An", 0.87),
  commune("phuong-truong-thi", "Phường Trường Thi", 0.83),
  commune("xa-an-hoa", "Xã An Hòa", 0.8),
  commune("xa-binh-minh", "Xã Bình Minh", 0.78),
  commune("xa-cam-thanh", "Xã Cẩm Thành", 0.82),
  commune("xa-dien-chau", "Xã Diễn Châu", 0.84),
  commune("xa-dong-xuan", "Xã Đông Xuân", 0.75),
  commune("xa-hai-lang", "Xã Hải Lăng", 0.79),
  commune("xa-hung-nguyen", "Xã Hưng Nguyên", 0.86),
  commune("xa-kim-lien", "Xã Kim Liên", 0.89),
  commune("xa-lam-son", "Xã Lam Sơn", 0.81),
  commune("xa-my-loc", "Xã Mỹ Lộc", 0.77),
  commune("xa-nghia-dan", "Xã Nghĩa Đàn", 0.74),
  commune("xa-phuc-thinh", "Xã Phúc Thịnh", 0.83),
  commune("xa-quang-tien", "Xã Quảng Tiến", 0.8),
  commune("xa-son-tay", "Xã Sơn Tây", 0.72),
  commune("xa-tan-lap", "Xã Tân Lập", 0.85),
  commune("xa-thach-ha", "Xã Thạch Hà", 0.79),
  commune("xa-thanh-chuong", "Xã Thanh Chương", 0.76),
  commune("xa-vinh-phuc", "Xã Vĩnh Phúc", 0.84),
  commune("dac-khu-hon-ngu", "Đặc khu Hòn Ngư", 0.7),
];

/** Appraiser units named in the criteria sets; Sở Nội vụ coordinates. */
export const DEMO_APPRAISER_UNITS: { name: string; agencySlug: string; isCoordinator: boolean }[] = [
  { name: "Sở Nội vụ", agencySlug: "so-noi-vu", isCoordinator: true },
  { name: "Sở Tư pháp", agencySlug: "so-tu-phap", isCoordinator: false },
  { name: "Sở Tài chính", agencySlug: "so-tai-chinh", isCoordinator: false },
  { name: "Sở Khoa học và Công nghệ", agencySlug: "so-khoa-hoc-va-cong-nghe", isCoordinator: false },
  { name: "Văn phòng UBND tỉnh", agencySlug: "van-phong-ubnd-tinh", isCoordinator: false },
];

export type DemoUser = {
  email: string;
  name: string;
  password: string;
  roles: ("ADMIN" | "APPRAISER" | "AGENCY_EDITOR" | "AGENCY_HEAD")[];
  agencySlug?: string;
  appraiserUnitName?: string;
  isAppraisalLead?: boolean;
  /** What the account is for, printed by the seed. */
  purpose: string;
};

// Demo accounts only: these passwords are published in the README.
export const DEMO_USERS: DemoUser[] = [
  { email: "quantri@songlam.demo", name: "Nguyễn Thị Quản Trị", password: "QuanTri@2026", roles: ["ADMIN"], purpose: "Quản trị hệ thống (Sở Nội vụ)" },
  {
    email: "thamdinh.snv@songlam.demo",
    name: "Trần Văn Thẩm",
    password: "ThamDinh@2026",
    roles: ["APPRAISER"],
    appraiserUnitName: "Sở Nội vụ",
    isAppraisalLead: true,
    purpose: "Thẩm định viên Sở Nội vụ (trưởng đoàn, thẩm định mọi tiêu chí)",
  },
  {
    email: "thamdinh.stp@songlam.demo",
    name: "Lê Thị Pháp",
    password: "TuPhap@2026",
    roles: ["APPRAISER"],
    appraiserUnitName: "Sở Tư pháp",
    purpose: "Thẩm định viên Sở Tư pháp (tiêu chí được phân công)",
  },
  {
    email: "bientap.syt@songlam.demo",
    name: "Phạm Minh Biên",
    password: "BienTap@2026",
    roles: ["AGENCY_EDITOR"],
    agencySlug: "so-y-te",
    purpose: "Cán bộ đầu mối CCHC Sở Y tế (nhập tự đánh giá)",
  },
  {
    email: "lanhdao.syt@songlam.demo",
    name: "Hoàng Văn Lãnh",
    password: "LanhDao@2026",
    roles: ["AGENCY_EDITOR", "AGENCY_HEAD"],
    agencySlug: "so-y-te",
    purpose: "Lãnh đạo Sở Y tế (gửi kết quả tự đánh giá, giải trình)",
  },
  {
    email: "bientap.sxd@songlam.demo",
    name: "Đỗ Thị Xuân",
    password: "BienTapXD@2026",
    roles: ["AGENCY_EDITOR"],
    agencySlug: "so-xay-dung",
    purpose: "Cán bộ đầu mối CCHC Sở Xây dựng (phiếu đã nhập đủ, chờ gửi)",
  },
  {
    email: "lanhdao.sxd@songlam.demo",
    name: "Vũ Đức Dũng",
    password: "LanhDaoXD@2026",
    roles: ["AGENCY_EDITOR", "AGENCY_HEAD"],
    agencySlug: "so-xay-dung",
    purpose: "Lãnh đạo Sở Xây dựng (gửi kết quả tự đánh giá, giải trình)",
  },
];

export type DemoYear = {
  year: number;
  phase: "PUBLISHED" | "SELF_ASSESSMENT";
  publication?: { number: string; issuedOn: string };
  /** Deadlines per phase (ISO, Asia/Ho_Chi_Minh end of day). */
  deadlines: { phase: "SELF_ASSESSMENT" | "APPRAISAL" | "EXPLANATION" | "FINALIZED"; endsAt: string }[];
};

export const DEMO_YEARS: DemoYear[] = [
  {
    year: 2024,
    phase: "PUBLISHED",
    publication: { number: "35/TB-UBND", issuedOn: "2025-02-28" },
    deadlines: [
      { phase: "SELF_ASSESSMENT", endsAt: "2025-01-15T23:59:59+07:00" },
      { phase: "APPRAISAL", endsAt: "2025-02-05T23:59:59+07:00" },
      { phase: "EXPLANATION", endsAt: "2025-02-12T23:59:59+07:00" },
      { phase: "FINALIZED", endsAt: "2025-02-25T23:59:59+07:00" },
    ],
  },
  {
    year: 2025,
    phase: "PUBLISHED",
    publication: { number: "42/TB-UBND", issuedOn: "2026-03-06" },
    deadlines: [
      { phase: "SELF_ASSESSMENT", endsAt: "2026-01-15T23:59:59+07:00" },
      { phase: "APPRAISAL", endsAt: "2026-02-10T23:59:59+07:00" },
      { phase: "EXPLANATION", endsAt: "2026-02-20T23:59:59+07:00" },
      { phase: "FINALIZED", endsAt: "2026-03-02T23:59:59+07:00" },
    ],
  },
  {
    year: 2026,
    phase: "SELF_ASSESSMENT",
    deadlines: [
      { phase: "SELF_ASSESSMENT", endsAt: "2027-01-15T23:59:59+07:00" },
      { phase: "APPRAISAL", endsAt: "2027-02-10T23:59:59+07:00" },
      { phase: "EXPLANATION", endsAt: "2027-02-20T23:59:59+07:00" },
      { phase: "FINALIZED", endsAt: "2027-03-02T23:59:59+07:00" },
    ],
  },
];

export type DemoProgress = {
  slug: string;
  /** Share of the self-scored criteria answered, in the set's order. */
  answeredShare: number;
  isSubmitted: boolean;
  /**
   * A draft ready for its head to submit: every criterion that requires evidence carries a written
   * explanation instead (no files are seeded), so nothing is missing (lib/domain/submission-check.ts).
   */
  isReadyToSubmit?: boolean;
};

/** 2026 assessments already under way: slug → share of criteria answered, and whether submitted. */
export const DEMO_2026_PROGRESS: DemoProgress[] = [
  { slug: "so-y-te", answeredShare: 0.45, isSubmitted: false },
  { slug: "so-tu-phap", answeredShare: 1, isSubmitted: true },
  // Finished by its editor and waiting for the head's submission (the demo and e2e tests submit it).
  { slug: "so-xay-dung", answeredShare: 1, isSubmitted: false, isReadyToSubmit: true },
  { slug: "so-cong-thuong", answeredShare: 0.2, isSubmitted: false },
  { slug: "phuong-hoa-binh", answeredShare: 0.6, isSubmitted: false },
  { slug: "xa-kim-lien", answeredShare: 1, isSubmitted: true },
];
