/**
 * Demo accounts, loaded on first start in development (never in production). Their passwords
 * and TOTP secrets are documented in the README, and only there; nothing prints them.
 * The ID numbers are synthetic (region 3399xx is the fictional 云湖市) with valid check digits.
 */
export interface DemoAccount {
  username: string;
  phone: string;
  password: string;
  roles: string[];
  departmentCode: string | null;
  /** Base32 TOTP secret, enrolled already; null for accounts without a second factor. */
  totpSecret: string | null;
  person: { name: string; idNumber: string; address: string; communityCode: string };
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'zhangxiaomin',
    phone: '13800000001',
    password: 'Yunhu#Resident2026',
    roles: ['resident'],
    departmentCode: null,
    totpSecret: null,
    person: {
      name: '张小民',
      idNumber: '339901199003071236',
      address: '云湖市湖滨区解放路街道柳营社区柳营巷3幢201室',
      communityCode: '33990101001001',
    },
  },
  {
    username: 'libanshi',
    phone: '13800000002',
    password: 'Yunhu#Staff2026',
    roles: ['department-staff'],
    departmentCode: 'MZ',
    totpSecret: 'LNUYAJ2Z6SVLB22JVOMQZTC3QWNQXN4C',
    person: {
      name: '李办事',
      idNumber: '339901198506152340',
      address: '云湖市湖滨区望湖街道荷花池社区荷花新村12幢502室',
      communityCode: '33990101002002',
    },
  },
  {
    username: 'wangzhuguan',
    phone: '13800000003',
    password: 'Yunhu#Supervisor2026',
    roles: ['department-staff', 'supervisor'],
    departmentCode: 'MZ',
    totpSecret: 'NK4QDKUZNIZKYSYOP76OJXSEHIEE4T2A',
    person: {
      name: '王主管',
      idNumber: '339902197811023459',
      address: '云湖市西城区西溪街道西溪花园6幢1101室',
      communityCode: '33990201001001',
    },
  },
  {
    username: 'zhaoshenji',
    phone: '13800000004',
    password: 'Yunhu#Auditor2026',
    roles: ['auditor'],
    departmentCode: null,
    totpSecret: 'AOVULGTIPSPXV2H6ZEUFM7DBTFX4OGV3',
    person: {
      name: '赵审计',
      idNumber: '339903198209204565',
      address: '云湖市东港区东港街道港湾小区2幢303室',
      communityCode: '33990301001001',
    },
  },
  {
    username: 'chenguanli',
    phone: '13800000005',
    password: 'Yunhu#Admin2026',
    roles: ['administrator'],
    departmentCode: null,
    totpSecret: 'E7GMGG37EYNQP4MYP6CT2ZUV3U3HCQRK',
    person: {
      name: '陈管理',
      idNumber: '339901198001255678',
      address: '云湖市湖滨区涌金街道定安社区定安路88号',
      communityCode: '33990101003005',
    },
  },
  {
    username: 'zhoubianji',
    phone: '13800000006',
    password: 'Yunhu#Editor2026',
    roles: ['catalog-editor'],
    // Edits the 民政局 (MZ) guides only: catalog editing is scoped to the editor's department.
    departmentCode: 'MZ',
    totpSecret: 'AYMIESHF4KS6QK4U4ULL7ERYPLU54SEV',
    person: {
      name: '周编辑',
      idNumber: '339902199204186781',
      address: '云湖市西城区桂园街道桂园新村9幢402室',
      communityCode: '33990201002001',
    },
  },
  {
    username: 'wukaifa',
    phone: '13800000007',
    password: 'Yunhu#Partner2026',
    roles: ['partner-developer'],
    departmentCode: null,
    totpSecret: null,
    person: {
      name: '吴开发',
      idNumber: '339902198805124514',
      address: '云湖市西城区桂园街道桂园新村3幢101室',
      communityCode: '33990201002001',
    },
  },
];
