// TypeScript shapes of the catalog schema (subgraphs/catalog/src/schema.graphql), limited to the
// fields this remote selects. Each query's result type is built from these.

export type ServiceCategory =
  | 'HOUSEHOLD_ID'
  | 'EXIT_ENTRY'
  | 'TRAFFIC'
  | 'MARRIAGE_FAMILY'
  | 'SOCIAL_ASSISTANCE'
  | 'ELDERLY'
  | 'DISABILITY'
  | 'FUNERAL'
  | 'SOCIAL_INSURANCE'
  | 'EMPLOYMENT'
  | 'MEDICAL_INSURANCE'
  | 'HEALTH'
  | 'EDUCATION'
  | 'HOUSING'
  | 'REAL_ESTATE'
  | 'BUSINESS'
  | 'TAX'
  | 'CULTURE_TOURISM'
  | 'VETERANS';

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = [
  'HOUSEHOLD_ID',
  'EXIT_ENTRY',
  'TRAFFIC',
  'MARRIAGE_FAMILY',
  'SOCIAL_ASSISTANCE',
  'ELDERLY',
  'DISABILITY',
  'FUNERAL',
  'SOCIAL_INSURANCE',
  'EMPLOYMENT',
  'MEDICAL_INSURANCE',
  'HEALTH',
  'EDUCATION',
  'HOUSING',
  'REAL_ESTATE',
  'BUSINESS',
  'TAX',
  'CULTURE_TOURISM',
  'VETERANS',
];

export function isServiceCategory(value: string | undefined): value is ServiceCategory {
  return !!value && (SERVICE_CATEGORIES as readonly string[]).includes(value);
}

export type ServiceItemKind =
  | 'ADMINISTRATIVE_LICENSING'
  | 'ADMINISTRATIVE_CONFIRMATION'
  | 'ADMINISTRATIVE_PAYMENT'
  | 'ADMINISTRATIVE_LEVY'
  | 'ADMINISTRATIVE_AWARD'
  | 'OTHER_POWER'
  | 'PUBLIC_SERVICE';

export type Channel = 'ONLINE' | 'IN_PERSON' | 'MOBILE';
export type Audience = 'PERSONAL' | 'BUSINESS';

export type ServicePointType =
  | 'CITIZEN_CENTER'
  | 'DISTRICT_CENTER'
  | 'STREET_CENTER'
  | 'COMMUNITY_STATION'
  | 'POLICE_STATION'
  | 'EXIT_ENTRY_OFFICE'
  | 'VEHICLE_OFFICE'
  | 'SOCIAL_SECURITY_OFFICE'
  | 'MEDICAL_INSURANCE_OFFICE'
  | 'TAX_OFFICE'
  | 'REAL_ESTATE_CENTER'
  | 'MARRIAGE_REGISTRY'
  | 'PROVIDENT_FUND_OFFICE'
  | 'HOSPITAL';

export type AccessibilityFacility =
  | 'WHEELCHAIR_RAMP'
  | 'ACCESSIBLE_TOILET'
  | 'ELEVATOR'
  | 'PRIORITY_WINDOW'
  | 'HEARING_LOOP'
  | 'SIGN_LANGUAGE'
  | 'BRAILLE'
  | 'ACCESSIBLE_PARKING'
  | 'ELDERLY_SEATING';

/** Anything with a Chinese `name` and, where the schema has one, an English `nameEn`. */
export interface Named {
  name: string;
  nameEn?: string | null;
}

export interface DepartmentRef {
  code: string;
  name: string;
  nameEn: string;
}

export interface ServiceItemCardFields {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  summary: string;
  category: ServiceCategory;
  visits: number;
  instantApproval: boolean;
  promisedDays: number;
  channels: Channel[];
  department: DepartmentRef;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface ServiceItemConnection<TNode = ServiceItemCardFields> {
  totalCount: number;
  edges: { cursor: string; node: TNode }[];
  pageInfo: PageInfo;
}

export interface ServiceItemFilter {
  category?: ServiceCategory;
  lifeEvent?: string;
  department?: string;
  channel?: Channel;
  maxVisits?: number;
  instantApproval?: boolean;
}

export interface OpeningHours {
  days: number[];
  opens: string;
  closes: string;
}

export interface ServicePointFields {
  id: string;
  code: string;
  name: string;
  type: ServicePointType;
  address: string;
  phone: string;
  latitude: number;
  longitude: number;
  openingHours: OpeningHours[];
  openingNote: string;
  accessibility: AccessibilityFacility[];
}

export interface RegionFields {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}
