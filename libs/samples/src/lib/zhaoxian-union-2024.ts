import type { OverallReportContent } from '@evalflow/domain';

/**
 * 赵县总工会 2024 年度部门整体支出绩效自评报告 (docs/samples/zhaoxian-union-2024.txt) as data.
 * Every fact of the sample is here; the narrative is kept word for word. The 绩效自评表 is not part
 * of the sample: the demo fills it so that it agrees with the sample (budget 178.646 万元 fully
 * spent, total score 95, 优秀).
 */
export const ZHAOXIAN_UNION_2024: OverallReportContent = {
  kind: 'department_overall',
  schemaVersion: 2,
  header: {
    attachmentLabel: '附件4',
    departmentName: '赵县总工会',
    title: '2024年度整体支出绩效自评报告',
    policyIssuer: '县委、县政府',
    policyTitle: '全面落实预算绩效管理的实施意见',
    policyNumber: '[2019]77',
    principles: '科学性、规范性、客观性和公正性',
  },
  basicInfo: {
    functions: [
      '赵县总工会为行政机关是县政府工作部门，其主要职责：根据党的路线、方针、政策和各个时期的中心任务以及县委、市总工会的指示和决定，确定县总工会工作的方针和任务，指导全县工会工作。',
      '监督检查《工会法》、《中国工会章程》的贯彻执行情况，依照法律和工会章程，组织和指导全县各级工会进一步突出和履行维护职能，开展各项工会工作。',
      '向县委、县政府及有关部门反映职工群众的思想状况意愿和要求，并提出意见和建议；参与涉及职工切身利益的有关政策的制定；对有关职工利益的重大问题进行调整研究，对侵犯职工合法利益的重大事件进行调查并提出处理意见，参与企业重大伤亡事故的调查处理及“三同时”检查验收工作。',
      '指导各级工会的自身改革和建设；指导基层工会组织职工开展以职工代表大会为基础制度的民主选举、民主决策、民主管理和民主监督工作，建立健全平等协商、集体合同制度。',
      '协助县政府做好全县各级劳动模范、全国“五一劳动奖章”获得者的推荐、评选和管理工作。负责工会财产、经费的征收、管理、审查工作。承办县委、县政府和市总工会交办的有关事项。',
    ],
    orgUnits: [{ name: '赵县总工会', nature: '行政', level: '正科级', fundingForm: '财政拨款' }],
    staffing: {
      asOf: '2024年年底',
      categories: [{ category: '行政人员', authorized: null, actual: 4 }],
      previousHeadcount: 5,
      changeReason: '',
    },
    assets: {
      asOf: '2024年12月31日',
      valuationBasis: '账面净值',
      current: { totalAssets: '400.21', totalLiabilities: '0.00', netAssets: '400.21' },
      previous: { totalAssets: '407.95', totalLiabilities: '0.00', netAssets: '407.95' },
      yoy: { totalAssets: '-1.9', totalLiabilities: '0', netAssets: '-1.9' },
    },
  },
  // the sample gives the project money only: 年初项目预算 and 当年项目支出, no 收入 or 基本支出
  budget: {
    income: {
      appropriation: { budget: null, actual: null },
      other: { budget: null, actual: null },
      total: { budget: null, actual: null },
    },
    carryover: null,
    expenditure: {
      personnel: { budget: null, actual: null },
      publicExpense: { budget: null, actual: null },
      basic: { budget: null, actual: null },
      project: { budget: '178.646', actual: '178.646' },
      total: { budget: null, actual: null },
    },
    lines: [
      { name: '上解市总工会经费', amount: '47', spent: null, documentNumber: '' },
      { name: '俱乐部人员补助经费', amount: '82', spent: null, documentNumber: '' },
      { name: '一线职工送温暖、送清凉', amount: '1', spent: null, documentNumber: '' },
      { name: '大型节日文体活动举办经费', amount: '2', spent: null, documentNumber: '' },
      { name: '劳模体检费', amount: '2.82', spent: null, documentNumber: '' },
      { name: '全县会员保险费', amount: '5', spent: null, documentNumber: '' },
      { name: '赵县总工会职工服务中心养老保险和职业年金单位缴纳部分', amount: '10', spent: null, documentNumber: '' },
      {
        name: '关于提前下达2024年困难职工及劳模帮扶救助专项资金的通知',
        amount: '10.336',
        spent: null,
        documentNumber: '冀财行【2023】98号',
      },
      {
        name: '关于下达2024年市级困难职工及劳模帮扶救助专项资金的通知',
        amount: '18.49',
        spent: null,
        documentNumber: '石财行【2024】25号',
      },
    ],
  },
  goals: {
    items: [
      {
        text: '工会会同用人单位动员和组织职工开展群众性的合理化建议和技术革新活动，发展职工技术协会，普及科技知识，推动科技进步；对职工进行爱国主义、集体主义、社会主义教育，民主、法制、纪律教育，协助用人单位进行职业技能培训，组织职工开展文娱、体育活动。争取在全县建设成一支有理想、有道德、有文化、有纪律的职工队伍，计划在五一劳动节、十一国庆节和春节大型节假日期间举行大型的文化和体育活动；',
      },
      { text: '保证人员工资正常发放，保障单位正常运转，保障职工满意；' },
      {
        text: '劳模是社会主义建设事业中成绩卓著的劳动者，是国家的栋梁、社会的精英、职工的楷模。总工会将一如既往的关心劳模的工作和生活，切实落实好有关政策，帮助劳模解决生活难题，让他们更多的感受到工会的温暖。总工会注重加强劳模的管理服务工作，关注劳模的日常工作和生活，关心劳模身心健康，认真做好劳模的慰问工作，切实落实好有关政策，用实际行动关爱劳模，使广大劳模切实感受到工会的关爱，在全社会营造了“尊重劳模、关心劳模、爱护劳模、争当劳模”的和谐氛围；',
      },
      {
        text: '根据《石家庄市总工会关于配套在职职工团体保险项目资金的通知》为了使全市广大会员享受到普惠性服务，2017年市总工会在石家庄工会会员卡-“石惠卡”内加载在职职工团体保险项目，受到了上级工会的充分肯定。得到了全市广大职工的热列拥护；',
      },
      {
        text: '按照全国总工会“统一领导、分级管理”的原则，我省工会财务管理体制，按地方工会原则上分为三级管理，即省总工会为二级经费管理单位，市、县总工会为三级经费管理单位，基层工会为四级经费管理单位，按级留成和管理经费，基层留60%，市、县、工会留用25%，省总工会留用10%，上解全总5%的比例逐级上解；',
      },
      {
        text: '为做好全县困难职工帮扶及送温暖工作，省财政厅拨付我单位2024年困难职工及劳模帮扶救助专项资金10.336万元，根据我县困难职工的实际情况，在大型节假日期间解困难职工的生活所急，切实做好困难职工和劳模的帮扶工作，让困难职工感受到党和政府的温暖和关怀，及时将省财政资金送到困难职工手中；',
      },
      {
        text: '根据市总工会《关于开展2024年“夏送清凉”活动的通知》，为了保障暑期和冬季，高温作业和寒冷作业的一线职工的身心健康，做好他们的防暑和防寒工作，让他们感受到党和政府的温暖和关怀，使他们更好的为社会主义现代化建设服务。要对“夏送清凉、冬送温暖”活动给予高度重视，切实加强组织领导，进一步完善长效机制，安排一定的经费，购买必要的防暑降温及防冻保暖的用品和设备，到户外作业职工集中的企事业单位和重点工地开展走访慰问活动，积极落实有关劳动保护的政策法规，切实维护职工安全健康权益；',
      },
      {
        text: '根据河北省财政厅河北省总工会冀财行【2017】36号文件精神，“我省县级以上工会机关及所属事业单位在编人员养老保险和职业年金单位缴纳部分纳入同级财政统筹负担”。赵县总工会职工服务中心是总工会的事业单位，其中在职人员6人，2024年养老保险和职业年金单位应缴金额10万元；',
      },
      {
        text: '为做好全县困难劳模帮扶工作，市财政局拨付我单位2024年困难劳模帮扶救助专项资金18.49万元，在大型节假日期间解困难劳模的生活所急，切实做好困难劳模的帮扶工作，让困难劳模感受到党和政府的温暖和关怀，及时将市财政资金送到困难劳模手中。',
      },
    ],
  },
  selfEvaluation: {
    organization: '我单位成立了绩效自评工作小组，自评工作专人负责，评价资料完整。',
    methodAndProcess:
      '对2024年项目年度预算方案实施情况和绩效目标进行了逐项的检查。首先按照绩效评价工作要求，明确绩效评价的内容和范围，初步制定绩效评价工作方案。二是召开座谈会，对工作方案进行反复讨论并广泛征求相关部门和有关人员意见。三是在资料搜集、信息核实、现场调研、访谈沟通等工作的基础上，对我单位各预算项目单独进行打分自评，各项目自评工作为实施单位年度绩效评价工作奠定了基础。',
  },
  results: {
    overall:
      '2024年全县工会工作的总体要求是：认真学习宣传贯彻党的二十大精神、习近平总书记关于工人阶级和工会工作的重要论述，巩固拓展主题教育成果，教育引导工会干部和广大职工深刻领悟“两个确立”的决定性意义，进一步增强“四个意识”、坚定“四个自信”、做到“两个维护”。围绕庆祝中华人民共和国成立75周年，组织全县职工开展了“理想赵州”党的创新理论宣讲大赛、“七一颂党恩 礼赞新赵州”文艺演出等系列活动，以重点工作项目带动整体工作创新发展，确保实现“创新提升年”目标任务，团结动员全县广大职工在加快转型升级、跨越赶超、建设经济强县、幸福赵县步伐，率先全面建成小康社会中发挥主力军作用。',
    items: [
      {
        text: '及时发放职工手中工资，社会养老保险、社会医疗保险、工伤保险按照比例和应缴纳的数额及时上交。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '保障暑期和冬季高温作业和寒冷作业的一线职工的身心健康，为他们做好防暑防寒工作，使他们感受到党和政府的温暖和关怀。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '根据县财政局划拨总工会的工会经费数额，按照市总工会下发的任务数和比例，县级工会每季度的月末及时上解市总工会。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '在五一劳动节、十一国庆节和春节大型节假日期间举行大型的文化和体育活动。丰富职工文化生活，促进企业单位文化建设。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '劳模是社会主义建设事业中成绩卓著的劳动者，是国家的栋梁、社会的精英、职工的楷模。总工会将一如既往的关心劳模的工作和生活，切实落实好有关政策，帮助劳模解决生活难题，让他们更多的感受到工会的温暖。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '按照《石家庄市总工会办公室关于实施第八期在职职工团体保险项目的通知》（石工办字{2024}3号）要求：“在职职工团体保险项目资金，由市总工会和各对口单位共同承担，市总工会按照数据库中核实的名单以每人5元的标准支付项目资金。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '根据河北省财政厅河北省总工会冀财行【2017】36号文件精神，“我省县级以上工会机关及所属事业单位在编人员养老保险和职业年金单位缴纳部分纳入同级财政统筹负担”。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '为做好2024年全县困难职工帮扶及送温暖工作，省财政厅拨付我单位专项资金，根据我县困难职工的实际情况，在大型节假日期间解困难职工的生活所急，让困难职工感受到党和政府的温暖和关怀。',
        completionRate: '100',
        explanation: '',
      },
      {
        text: '按时将救助金及时发放到困难劳模手中，使他们生活得到改善，感受到党和政府的温暖关怀。',
        completionRate: '100',
        explanation: '',
      },
    ],
  },
  conclusion: { totalScore: '95', grade: 'excellent', basis: '根据项目执行情况和项目绩效情况' },
  problems: {
    problems: '预算编制不够明确和细化，预算编制的合理性需要提高，预算执行力度还要进一步加强。',
    measures:
      '细化预算编制工作，认真做好预算的编制。进一步加强单位内部机构各股室的预算管理意识，严格按照预算编制的相关制度和要求进行预算编制；全面编制预算项目，优先保障固定性的、相对刚性的费用支出项目，尽量压缩变动性的、有控制空间的费用项目，进一步提高预算编制的科学性、严谨性和可控性。加强内部预算编制的审核和预算控制指标的下达。',
  },
  team: {
    members: [
      { name: '杜力伟', unit: '赵县总工会', position: '党组书记、常务副主席', title: '' },
      { name: '贾岩峰', unit: '赵县总工会', position: '副主席', title: '' },
      { name: '郭晓旗', unit: '赵县总工会', position: '办公室主任', title: '' },
      { name: '孟荣敏', unit: '赵县总工会', position: '财务科长', title: '' },
    ],
  },
  scoreTable: {
    funding: {
      total: { initialBudget: '178.646', adjustedBudget: '178.646', executed: '178.646' },
      currentYearAppropriation: { initialBudget: '178.646', adjustedBudget: '178.646', executed: '178.646' },
      carryover: { initialBudget: '0', adjustedBudget: '0', executed: '0' },
      other: { initialBudget: '0', adjustedBudget: '0', executed: '0' },
      executionRate: '100',
      weight: '10',
      score: '10',
      deviationNote: '',
    },
    indicators: [
      indicator('产出指标', '数量指标', '上解市总工会经费', '=', '47', '万元', '47', '10', '10', '', '上解凭证'),
      indicator(
        '产出指标',
        '数量指标',
        '困难职工及劳模帮扶救助资金发放',
        '>=',
        '28.826',
        '万元',
        '28.826',
        '10',
        '10',
        '',
        '救助资金发放花名册',
      ),
      indicator(
        '产出指标',
        '质量指标',
        '工资及社会保险按时足额缴纳率',
        '=',
        '100',
        '%',
        '100',
        '10',
        '10',
        '',
        '工资表、社保缴费凭证',
      ),
      indicator(
        '产出指标',
        '时效指标',
        '工会经费按季度上解市总工会',
        'qualitative',
        '每季度末上解',
        '',
        '按季度及时上解',
        '10',
        '10',
        '',
        '上解凭证',
      ),
      indicator('产出指标', '成本指标', '全县会员保险费', '<=', '5', '万元', '5', '10', '10', '', '保险缴费凭证'),
      // an effect, not a count: three large holiday events (大型节日文体活动举办经费 2 万元) are how it was reached
      indicator(
        '效益指标',
        '社会效益指标',
        '职工节日文化生活得到丰富',
        'qualitative',
        '明显丰富',
        '',
        '达成',
        '10',
        '10',
        '',
        '活动通知及照片',
      ),
      indicator(
        '效益指标',
        '社会效益指标',
        '困难职工帮扶覆盖情况',
        'qualitative',
        '应帮尽帮',
        '',
        '基本实现',
        '10',
        '8',
        '困难职工动态管理有待加强，下一年度完善帮扶台账',
        '',
      ),
      indicator(
        '效益指标',
        '可持续影响指标',
        '预算管理水平',
        'qualitative',
        '预算编制科学、执行有力',
        '',
        '部分达成',
        '10',
        '7',
        '预算编制不够明确和细化，预算执行力度还要进一步加强；将细化预算编制，加强内部审核',
        '',
      ),
      indicator(
        '满意度指标',
        '服务对象满意度指标',
        '职工满意度',
        '>=',
        '90',
        '%',
        '95',
        '10',
        '10',
        '',
        '满意度调查问卷',
      ),
    ],
  },
};

function indicator(
  level1: string,
  level2: string,
  level3: string,
  nature: '=' | '>=' | '<=' | 'qualitative',
  target: string,
  unit: string,
  actual: string,
  weight: string,
  score: string,
  deviationNote: string,
  evidence: string,
) {
  return { level1, level2, level3, nature, target, unit, actual, weight, score, deviationNote, evidence };
}

/**
 * 赵县总工会's approved 2023 report, for the demo: the 2023 figures the 2024 sample implies (5 staff at
 * year end, assets of 407.95 万元 — 400.21 is 1.9 % lower) in an otherwise unchanged copy of the 2024
 * sample, so that it is complete and passes every rule as an approved report must. The source of the
 * 2024 prefill and of its year-over-year checks.
 */
export function zhaoxianUnion2023(): OverallReportContent {
  const c = structuredClone(ZHAOXIAN_UNION_2024);
  c.header.title = '2023年度整体支出绩效自评报告';
  c.basicInfo.staffing = {
    asOf: '2023年年底',
    categories: [{ category: '行政人员', authorized: null, actual: 5 }],
    previousHeadcount: null,
    changeReason: '',
  };
  c.basicInfo.assets = {
    asOf: '2023年12月31日',
    valuationBasis: '账面净值',
    current: { totalAssets: '407.95', totalLiabilities: '0.00', netAssets: '407.95' },
    previous: null,
    yoy: { totalAssets: null, totalLiabilities: null, netAssets: null },
  };
  return c;
}
