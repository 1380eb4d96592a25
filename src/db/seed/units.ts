import { type UnitTable } from '../schema';

type SeedUnit = Omit<UnitTable, 'created_at' | 'address' | 'email' | 'head_person_id' | 'short_name'> & { address?: string; short_name?: string | null };

/** The 7 镇街 of 峄城区 with their GB codes (docs/practice.md, "The demo district"). */
export const TOWNS: SeedUnit[] = [
  ['370404001', '坛山街道', 'subdistrict'], ['370404002', '吴林街道', 'subdistrict'], ['370404100', '古邵镇', 'town'],
  ['370404101', '阴平镇', 'town'], ['370404102', '底阁镇', 'town'], ['370404103', '榴园镇', 'town'],
  ['370404104', '峨山镇', 'town'],
].map(([code, name, kind]) => ({
  code, name, kind: kind as UnitTable['kind'], parent_code: null, domain: '属地管理', supervising: 1, industry: null,
}));

/** 区安委会成员单位 (demo list, docs/practice.md); `domain` is the 移交 routing domain, 、-separated. */
const MEMBERS: [string, string, number][] = [
  ['区委办公室', '督查', 0],
  ['区委组织部', '干部考核', 0],
  ['区委宣传部', '宣传、媒体公开', 0],
  ['区委政法委', '社会治理', 0],
  ['区文明办', '文明创建', 0],
  ['区应急管理局', '危险化学品、危化品、非煤矿山、工贸、冶金、有色、建材、机械、轻工、纺织、烟草、粉尘涉爆、涉氨制冷、有限空间、烟花爆竹经营', 1],
  ['区住房和城乡建设局', '房屋市政、城镇燃气、燃气、房屋安全', 1],
  ['区交通运输局', '道路运输、客运、公路、水运', 1],
  ['枣庄市公安局峄城分局', '道路交通、民爆、烟花爆竹运输、大型活动', 1],
  ['峄城区消防救援大队', '消防、人员密集场所、重大火灾隐患', 1],
  ['区市场监督管理局', '特种设备、电梯、锅炉、压力容器、气瓶、食品生产', 1],
  ['区教育和体育局', '教育、学校、幼儿园、校车、体育场馆', 1],
  ['区卫生健康局', '卫生、医院、诊所、职业健康', 1],
  ['枣庄市自然资源和规划局峄城分局', '矿业权、地质灾害、森林防火', 1],
  ['区农业农村局', '农业、农机、渔业、农业设施', 1],
  ['区商务局', '商贸、加油站、成品油、商场超市、餐饮', 1],
  ['区工业和信息化局', '工业行业管理', 1],
  ['区文化和旅游局', '文旅、景区、娱乐场所、宾馆', 1],
  ['区水务局', '水利工程、水库、防汛', 1],
  ['区综合行政执法局', '城市管理、户外广告、餐饮燃气', 1],
  ['区民政局', '养老、养老机构、福利机构', 1],
  ['枣庄市生态环境局峄城分局', '危险废物、环保设施', 1],
  ['区发展和改革局', '能源、电力、粮食储备', 0],
  ['区财政局', '安全生产专项资金', 0],
  ['区人力资源和社会保障局', '劳动用工、职业培训', 0],
  ['区司法局', '合法性审查', 0],
  ['区行政审批服务局', '行政许可', 0],
  ['区退役军人事务局', '', 0],
  ['区统计局', '事故统计', 0],
  ['区气象局', '防雷', 0],
  ['区融媒体中心', '社会公告', 0],
  ['国网枣庄市峄城区供电公司', '停电措施', 0],
  ['区总工会', '职工监督', 0],
  ['共青团峄城区委', '青少年安全', 0],
];

/** The short names (简称) people use for the member units in speech and in documents. */
const SHORT_NAMES: Record<string, string> = {
  区委办公室: '区委办', 区委政法委: '区政法委', 区应急管理局: '区应急局', 区住房和城乡建设局: '区住建局',
  区交通运输局: '区交通局', 枣庄市公安局峄城分局: '公安峄城分局', 峄城区消防救援大队: '区消防救援大队',
  区市场监督管理局: '区市场监管局', 区教育和体育局: '区教体局', 区卫生健康局: '区卫健局',
  枣庄市自然资源和规划局峄城分局: '峄城自然资源分局', 区工业和信息化局: '区工信局', 区文化和旅游局: '区文旅局',
  区综合行政执法局: '区综合执法局', 枣庄市生态环境局峄城分局: '峄城生态环境分局', 区发展和改革局: '区发改局',
  区人力资源和社会保障局: '区人社局', 区行政审批服务局: '区审批局', 区退役军人事务局: '区退役军人局',
  国网枣庄市峄城区供电公司: '峄城供电公司', 共青团峄城区委: '团区委',
};

export const MEMBER_UNITS: SeedUnit[] = MEMBERS.map(([name, domain, supervising], i) => ({
  code: `YC-M-${String(i + 1).padStart(2, '0')}`, name, short_name: SHORT_NAMES[name] ?? null, kind: 'member', parent_code: null,
  domain: domain || null, supervising, industry: null,
}));

export const ZONE: SeedUnit = {
  code: 'YC-Z-01', name: '峄城经济开发区管委会', short_name: '峄城经开区', kind: 'zone', parent_code: null, domain: '园区安全', supervising: 1, industry: null,
};

/** Fictional key enterprises for 延伸巡查 (demo, docs/practice.md). */
export const ENTERPRISES: SeedUnit[] = [
  ['枣庄榴韵饮品有限公司', '370404103', '涉氨制冷'],
  ['峄城坛山建筑工程有限公司', '370404001', '房屋市政'],
  ['枣庄古邵新型建材有限公司', '370404100', '粉尘涉爆'],
  ['峄城阴平燃气有限公司', '370404101', '城镇燃气'],
  ['枣庄底阁纸业有限公司', '370404102', '有限空间'],
  ['峄城峨山物流有限公司', '370404104', '道路运输'],
  ['吴林商贸城', '370404002', '人员密集场所'],
].map(([name, town, industry], i) => ({
  code: `YC-E-${String(i + 1).padStart(2, '0')}`, name, kind: 'enterprise', parent_code: town, domain: null,
  supervising: 0, industry,
}));

/** Code of a member unit by name (for the seed's people and accounts). */
export function memberCode(name: string): string {
  const unit = MEMBER_UNITS.find((u) => u.name === name);
  if (!unit) throw new Error(`no member unit named ${name}`);
  return unit.code;
}
