/**
 * Shapes of the hand-written demo data for the catalog. The JSON files beside this one must
 * conform; `seed-data.test.ts` checks every file against these rules.
 */

/** 主题分类 — the topic a resident browses by. */
export const CATEGORIES = [
  'HOUSEHOLD_ID', // 户籍证件
  'EXIT_ENTRY', // 出入境
  'TRAFFIC', // 交通出行 (驾驶证、机动车)
  'MARRIAGE_FAMILY', // 婚姻家庭与生育
  'SOCIAL_ASSISTANCE', // 社会救助与福利
  'ELDERLY', // 养老服务
  'DISABILITY', // 残疾人服务
  'FUNERAL', // 殡葬服务
  'SOCIAL_INSURANCE', // 社会保险
  'EMPLOYMENT', // 就业创业
  'MEDICAL_INSURANCE', // 医疗保障
  'HEALTH', // 医疗卫生
  'EDUCATION', // 教育
  'HOUSING', // 住房保障与公积金
  'REAL_ESTATE', // 不动产登记
  'BUSINESS', // 市场主体准入与经营
  'TAX', // 税务
  'CULTURE_TOURISM', // 文化旅游
  'VETERANS', // 退役军人服务
] as const;
export type Category = (typeof CATEGORIES)[number];

/** 事项类型 — the legal kind of the item. */
export const ITEM_KINDS = [
  'ADMINISTRATIVE_LICENSING', // 行政许可
  'ADMINISTRATIVE_CONFIRMATION', // 行政确认
  'ADMINISTRATIVE_PAYMENT', // 行政给付
  'ADMINISTRATIVE_LEVY', // 行政征收
  'ADMINISTRATIVE_AWARD', // 行政奖励
  'OTHER_POWER', // 其他行政权力
  'PUBLIC_SERVICE', // 公共服务
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const CHANNELS = ['ONLINE', 'IN_PERSON', 'MOBILE'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Types of service point; an item lists the types of point that handle it. */
export const POINT_TYPES = [
  'CITIZEN_CENTER', // 市民中心（市行政服务中心）
  'DISTRICT_CENTER', // 区行政服务中心
  'STREET_CENTER', // 街道便民服务中心
  'COMMUNITY_STATION', // 社区服务站
  'POLICE_STATION', // 派出所户籍窗口
  'EXIT_ENTRY_OFFICE', // 出入境接待大厅
  'VEHICLE_OFFICE', // 车管所 / 交警服务站
  'SOCIAL_SECURITY_OFFICE', // 社保经办网点
  'MEDICAL_INSURANCE_OFFICE', // 医保经办网点
  'TAX_OFFICE', // 税务办税服务厅
  'REAL_ESTATE_CENTER', // 不动产登记中心
  'MARRIAGE_REGISTRY', // 婚姻登记处
  'PROVIDENT_FUND_OFFICE', // 住房公积金管理中心网点
  'HOSPITAL', // 医院（出生医学证明签发等）
] as const;
export type PointType = (typeof POINT_TYPES)[number];

/**
 * Electronic licence types a material may be supplied from (零材料). Issue 5 (licences) seeds
 * these type codes; keep the two lists in step.
 */
export const LICENCE_TYPES = {
  RESIDENT_ID_CARD: '居民身份证',
  HOUSEHOLD_REGISTER: '居民户口簿',
  MARRIAGE_CERT: '结婚证',
  DIVORCE_CERT: '离婚证',
  BIRTH_MEDICAL_CERT: '出生医学证明',
  RESIDENCE_PERMIT: '居住证',
  DRIVING_LICENCE: '机动车驾驶证',
  VEHICLE_LICENCE: '机动车行驶证',
  BUSINESS_LICENCE: '营业执照',
  REAL_ESTATE_CERT: '不动产权证书',
  SENIOR_CARD: '老年人优待证',
  DISABILITY_CERT: '残疾人证',
  SOCIAL_SECURITY_CARD: '社会保障卡',
  GRADUATION_CERT: '毕业证书',
  RETIREMENT_CERT: '退休证',
  DEATH_MEDICAL_CERT: '居民死亡医学证明',
  PROFESSIONAL_QUALIFICATION: '职业资格证书',
  TEACHER_QUALIFICATION: '教师资格证',
  FOOD_BUSINESS_LICENCE: '食品经营许可证',
  VETERAN_CERT: '退役军人证',
  PASSPORT: '普通护照',
  HOUSING_LEASE_RECORD: '房屋租赁登记备案证明',
} as const;
export type LicenceTypeCode = keyof typeof LICENCE_TYPES;

export interface DepartmentSeed {
  /** Short stable code, e.g. "GA" (公安). Item codes start with it. */
  code: string;
  name: string;
  nameEn: string;
  description: string;
  /** Public service hotline, e.g. "0571-12345" style. */
  phone: string;
}

export interface LifeEventSeed {
  /** Stable code, e.g. "BIRTH". */
  code: string;
  name: string;
  nameEn: string;
  /** PERSONAL = 个人服务, BUSINESS = 法人服务 */
  audience: 'PERSONAL' | 'BUSINESS';
  description: string;
  /** Display order on the home page. */
  order: number;
}

export interface MaterialSeed {
  name: string;
  /** What exactly to bring, who issues it, format notes. */
  description: string;
  /** 原件份数 */
  originals: number;
  /** 复印件份数 */
  copies: number;
  required: boolean;
  /** If the material can be taken from the applicant's electronic licence (免提交), its type code. */
  fromLicenceType?: LicenceTypeCode;
}

export interface FeeSeed {
  free: boolean;
  /** Amount in yuan, when not free. */
  amountYuan?: number;
  /** 收费依据 — the document that sets the fee, when not free. */
  basis?: string;
  /** Extra notes, e.g. 工本费 waived for certain groups. */
  note?: string;
}

export interface FaqSeed {
  question: string;
  answer: string;
}

export interface ServiceItemSeed {
  /** Unique, "<DEPT>-<NNN>", e.g. "GA-001". */
  code: string;
  /** Chinese name as on a real 一网通办 guide, e.g. "居民身份证换领". */
  name: string;
  nameEn: string;
  departmentCode: string;
  category: Category;
  kind: ItemKind;
  /** Life event codes (1–3). */
  lifeEvents: string[];
  /** Extra search words residents might type (synonyms, colloquial names), 0–6. */
  keywords: string[];
  /** 2–4 sentences: what this service is. */
  summary: string;
  /** 申请条件 / 受理对象 — who can apply. */
  eligibility: string;
  materials: MaterialSeed[];
  /** 法定办结时限, working days (0 = 即办). */
  legalDays: number;
  /** 承诺办结时限, working days, ≤ legalDays (0 = 即办). */
  promisedDays: number;
  fee: FeeSeed;
  channels: Channel[];
  /** 到现场次数: 0 = 零跑动, 1, or 2. */
  visits: number;
  /** 秒批 — approved instantly by rules when the applicant qualifies. */
  instantApproval: boolean;
  /** Service point types that handle this item (at least 1 unless channels is ONLINE only). */
  handledAt: PointType[];
  /** 设定依据: laws and regulations with article numbers. */
  legalBasis: string[];
  /** 2–4 common questions with real answers. */
  faq: FaqSeed[];
}

export interface GeoNode {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}
export type CommunitySeed = GeoNode;
export interface StreetSeed extends GeoNode {
  communities: CommunitySeed[];
}
export interface DistrictSeed extends GeoNode {
  streets: StreetSeed[];
}
export interface CitySeed extends GeoNode {
  districts: DistrictSeed[];
}

export interface OpeningHoursSeed {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "09:00" */
  opens: string;
  /** "17:00" */
  closes: string;
}

export const ACCESSIBILITY = [
  'WHEELCHAIR_RAMP', // 无障碍坡道
  'ACCESSIBLE_TOILET', // 无障碍卫生间
  'ELEVATOR', // 无障碍电梯
  'PRIORITY_WINDOW', // 老年人、残疾人优先窗口
  'HEARING_LOOP', // 助听设备
  'SIGN_LANGUAGE', // 手语服务
  'BRAILLE', // 盲文标识
  'ACCESSIBLE_PARKING', // 无障碍停车位
  'ELDERLY_SEATING', // 老年人休息座椅与老花镜
] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];

export interface ServicePointSeed {
  /** Unique, e.g. "SP-0001". */
  code: string;
  name: string;
  type: PointType;
  /** Codes into the geography. Every point has district and street; community when it sits in one. */
  districtCode: string;
  streetCode: string;
  communityCode?: string;
  /** Full street address without the city name, e.g. "湖滨区解放路 128 号". */
  address: string;
  latitude: number;
  longitude: number;
  phone: string;
  openingHours: OpeningHoursSeed[];
  /** Human-readable note, e.g. "法定节假日休息；周六上午仅办理户籍业务". */
  openingNote: string;
  accessibility: Accessibility[];
  /**
   * Department codes whose items this point handles. Empty means every department whose items
   * list this point's type in `handledAt`.
   */
  departmentCodes: string[];
}
