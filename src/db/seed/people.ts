import { type RoleCode } from '../accounts';
import { type PersonTable } from '../schema';
import { MEMBER_UNITS, TOWNS, ZONE, memberCode } from './units';

type SeedPerson = Omit<PersonTable, 'created_at'>;
export interface SeedAccount {
  login: string;
  displayName: string;
  personId: string;
  unitCode: string;
  roles: { role: RoleCode; unitCode?: string }[];
}

/** Every demo account shares this password; `npm start` prints it with the logins. */
export const DEMO_PASSWORD = 'Yc@2026demo';

const person = (id: string, name: string, unit: string, post: string, rank: string | null, expert = false, years = 0): SeedPerson => ({
  id, name, unit_code: unit, post, rank, expert: expert ? 1 : 0, safety_years: years,
  email: `${id}@yicheng.local`, phone: null,
});

const ajj = memberCode('区应急管理局');

/** Inspectors from the member units: three teams' worth of leaders, deputies, members and experts. */
const INSPECTORS: SeedPerson[] = [
  person('p-leader-1', '王建国', memberCode('区委办公室'), '督查室主任', '科级', false, 6),
  person('p-leader-2', '李明华', memberCode('区住房和城乡建设局'), '副局长', '科级', false, 8),
  person('p-leader-3', '张志强', memberCode('区交通运输局'), '副局长', '科级', false, 5),
  person('p-deputy-1', '刘洪涛', ajj, '安全生产监督管理科科长', '科级', false, 7),
  person('p-deputy-2', '陈立新', memberCode('区市场监督管理局'), '特种设备安全监察科科长', '科级', false, 4),
  person('p-deputy-3', '杨光辉', memberCode('峄城区消防救援大队'), '防火监督科科长', '科级', false, 6),
  ...[
    ['赵文静', '区卫生健康局'], ['孙海燕', '区教育和体育局'], ['周宏伟', '区商务局'], ['吴晓东', '区农业农村局'],
    ['郑春梅', '区文化和旅游局'], ['冯国庆', '区水务局'], ['褚丽娟', '区民政局'], ['卫建军', '区综合行政执法局'],
    ['蒋秀兰', '区工业和信息化局'], ['沈学军', '区发展和改革局'], ['韩玉珍', '区财政局'], ['朱卫东', '区人力资源和社会保障局'],
  ].map(([name, unit], i) => person(`p-member-${i + 1}`, name, memberCode(unit), '科员', '科员', false, 2)),
  person('p-expert-1', '秦振东', ajj, '安全生产专家（化工）', '专家', true, 15),
  person('p-expert-2', '许文博', ajj, '安全生产专家（建筑施工）', '专家', true, 12),
  person('p-expert-3', '何丽萍', ajj, '安全生产专家（消防）', '专家', true, 10),
  // an expert from outside 区应急管理局, so that a team without its staff can inspect it (二（一）, recusal)
  person('p-expert-4', '邵立成', memberCode('枣庄市自然资源和规划局峄城分局'), '安全生产专家（非煤矿山）', '专家', true, 11),
];

const STAFF: SeedPerson[] = [
  person('p-director', '高振华', memberCode('区委办公室'), '区安委会副主任、副区长', '处级', false, 10),
  person('p-office-1', '马晓峰', ajj, '区安委办副主任', '科级', false, 9),
  person('p-office-2', '罗静', ajj, '区安委办综合科科员', '科员', false, 3),
  person('p-admin', '梁思远', memberCode('区融媒体中心'), '信息中心工程师', null, false, 0),
  person('p-owner', '宋雅琴', ajj, '区安委办流程管理员', '科员', false, 4),
];

/** The liaisons of the three offices that receive the results (三（三）6 抄送). */
const COPY_LIAISONS: SeedPerson[] = [
  person('p-copy-zuzhibu', '钱立伟', memberCode('区委组织部'), '干部考核科科长', '科级', false, 0),
  person('p-copy-zhengfawei', '孔德华', memberCode('区委政法委'), '综治办综合科科长', '科级', false, 0),
  person('p-copy-wenmingban', '白雪梅', memberCode('区文明办'), '文明创建科科长', '科级', false, 0),
];

/** One 主要负责人 per 镇街 and for the zone; one handler per supervising member unit. */
const TOWN_HEADS: SeedPerson[] = [...TOWNS, ZONE].map((u, i) =>
  person(`p-head-${u.code}`, ['唐国梁', '胡月明', '郭德林', '林秀峰', '谢志远', '邓明辉', '曹玉兰', '彭建华'][i],
    u.code, u.kind === 'zone' ? '管委会主任' : u.kind === 'town' ? '镇长' : '街道办事处主任', '科级', false, 3));

/** The 主要负责人 of every member unit: member units are inspected too, and their accounts see their own tasks. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘';
const GIVEN = ['建华', '志刚', '秀英', '海涛', '丽娟', '国栋', '文斌', '春燕', '德明', '红梅', '立军', '玉兰', '振宇', '淑芬', '宏亮', '晓梅', '永胜'];
const MEMBER_HEADS: SeedPerson[] = MEMBER_UNITS.map((u, i) =>
  person(`p-head-${u.code}`, `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`, u.code, '主要负责人', '科级', false, 2));

const HANDLERS: SeedPerson[] = MEMBER_UNITS.filter((u) => u.supervising === 1).map((u, i) =>
  person(`p-handler-${u.code}`, `承办人${String(i + 1).padStart(2, '0')}`, u.code, '安全生产工作联络员', '科员', false, 2));

export const PEOPLE: SeedPerson[] = [...INSPECTORS, ...STAFF, ...COPY_LIAISONS, ...TOWN_HEADS, ...MEMBER_HEADS, ...HANDLERS];

/** The 主要负责人 of each 镇街, the zone and each member unit (units.head_person_id). */
export const UNIT_HEADS: { unitCode: string; personId: string }[] = [...TOWN_HEADS, ...MEMBER_HEADS].map((p) => ({ unitCode: p.unit_code, personId: p.id }));

const account = (login: string, p: SeedPerson, roles: SeedAccount['roles']): SeedAccount =>
  ({ login, displayName: p.name, personId: p.id, unitCode: p.unit_code, roles });
const byId = (id: string) => PEOPLE.find((p) => p.id === id)!;

/** Demo accounts for every role of JOB-TYPES.md (login → roles). */
export const ACCOUNTS: SeedAccount[] = [
  account('anweihui', byId('p-director'), [{ role: 'committee' }]),
  account('anweiban', byId('p-office-1'), [{ role: 'office' }]),
  account('anweiban2', byId('p-office-2'), [{ role: 'office' }]),
  ...[1, 2, 3].map((n) => account(`zuzhang${n}`, byId(`p-leader-${n}`), [{ role: 'team-leader' }, { role: 'team' }])),
  ...[1, 2, 3].map((n) => account(`fuzuzhang${n}`, byId(`p-deputy-${n}`), [{ role: 'team-leader' }, { role: 'team' }])),
  ...INSPECTORS.filter((p) => /member|expert/.test(p.id)).map((p) => account(`zuyuan-${p.id.slice(2)}`, p, [{ role: 'team' }])),
  ...[...TOWN_HEADS, ...MEMBER_HEADS].map((p) => account(`danwei-${p.unit_code}`, p, [{ role: 'unit', unitCode: p.unit_code }])),
  ...HANDLERS.map((p) => account(`bumen-${p.unit_code}`, p, [{ role: 'department', unitCode: p.unit_code }])),
  account('admin', byId('p-admin'), [{ role: 'admin' }]),
  account('liucheng', byId('p-owner'), [{ role: 'process-owner' }]),
  ...COPY_LIAISONS.map((p) => account(p.id.slice('p-copy-'.length), p, [{ role: 'copy-office', unitCode: p.unit_code }])),
];
