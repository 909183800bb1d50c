/** Names for generated counties and their departments: plausible, unique within a county, deterministic. */

const PROVINCES = [
  '河北省',
  '山西省',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '海南省',
  '四川省',
  '贵州省',
  '云南省',
  '陕西省',
  '甘肃省',
  '青海省',
];
const SYLLABLES = '安平宁和泰丰永长清新兴庆昌明阳山河江源城通武德化远广定临东西南北云'.split('');

/** The county departments every county has, as a county's budget lists them. */
const DEPARTMENTS = [
  '教育局',
  '卫生健康局',
  '农业农村局',
  '水利局',
  '民政局',
  '交通运输局',
  '自然资源和规划局',
  '住房和城乡建设局',
  '人力资源和社会保障局',
  '文化广电和旅游局',
  '市场监督管理局',
  '应急管理局',
  '退役军人事务局',
  '司法局',
  '公安局',
  '总工会',
  '团县委',
  '妇女联合会',
  '科学技术局',
  '统计局',
  '审计局',
  '医疗保障局',
  '林业局',
  '商务局',
  '发展和改革局',
  '工业和信息化局',
  '生态环境分局',
  '人民医院',
  '中医医院',
  '妇幼保健院',
  '疾病预防控制中心',
  '融媒体中心',
  '档案馆',
  '图书馆',
  '供销合作社',
  '残疾人联合会',
  '红十字会',
  '机关事务服务中心',
  '行政审批局',
  '信访局',
];
const TOWNS = '城关新华平安和平建设永安太平长兴双河石桥大营'.match(/../g) ?? [];

export function countyName(index: number): { name: string; city: string; province: string } {
  const a = SYLLABLES[index % SYLLABLES.length];
  const b = SYLLABLES[Math.floor(index / SYLLABLES.length) % SYLLABLES.length];
  const province = PROVINCES[index % PROVINCES.length];
  const c = SYLLABLES[(index * 7 + 3) % SYLLABLES.length];
  return { name: `${a}${b}县`, city: `${c}${a}市`, province };
}

/** The n-th department (0-based) of a county: the common bureaus first, then towns, schools and clinics. */
export function departmentName(n: number): string {
  if (n < DEPARTMENTS.length) return DEPARTMENTS[n];
  const rest = n - DEPARTMENTS.length;
  const town = TOWNS[rest % TOWNS.length];
  const round = Math.floor(rest / TOWNS.length);
  const kinds = ['镇人民政府', '镇中心小学', '镇卫生院', '镇中学', '镇农业综合服务站'];
  const kind = kinds[round % kinds.length];
  const series = Math.floor(round / kinds.length);
  return series === 0 ? `${town}${kind}` : `${town}${kind}（第${series + 1}片区）`;
}

export const PROJECT_NAMES = [
  '义务教育薄弱环节改善与能力提升资金',
  '基本公共卫生服务补助资金',
  '困难职工帮扶救助专项资金',
  '农村人居环境整治专项资金',
  '城乡居民医疗救助资金',
  '高标准农田建设项目资金',
  '老旧小区改造配套资金',
  '公共文化服务体系建设资金',
];
