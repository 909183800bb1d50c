import type { Indicator, ProjectReportContent, ScoreTablePart } from '@evalflow/domain';

/**
 * 项目支出绩效自评表 of 2024 built from the departments' own budget lines: 赵县总工会's two 困难职工及劳模
 * 帮扶救助 funds of the sample (冀财行【2023】98号 10.336 万元, 石财行【2024】25号 18.49 万元) and one of
 * 栾城区总工会. The money is the sample's; the indicator values are demo data written to agree with it.
 */

function indicator(
  level1: string,
  level2: string,
  level3: string,
  nature: Indicator['nature'],
  target: string,
  unit: string,
  actual: string,
  weight: string,
  score: string | null,
  deviationNote = '',
  evidence = '',
): Indicator {
  return { level1, level2, level3, nature, target, unit, actual, weight, score, deviationNote, evidence };
}

/** All of the money from this year's appropriation, fully or partly spent. */
function funding(amount: string, executed: string, executionRate: string, score: string): ScoreTablePart['funding'] {
  const zero = { initialBudget: '0', adjustedBudget: '0', executed: '0' };
  return {
    total: { initialBudget: amount, adjustedBudget: amount, executed },
    currentYearAppropriation: { initialBudget: amount, adjustedBudget: amount, executed },
    carryover: zero,
    other: zero,
    executionRate,
    weight: '10',
    score,
    deviationNote: '',
  };
}

/** 冀财行【2023】98号: the province's fund, fully spent and scored — the table 赵县总工会 submits. */
export function zhaoxianProvincialRelief2024(): ProjectReportContent {
  return {
    kind: 'project',
    schemaVersion: 1,
    projectInfo: {
      name: '2024年困难职工及劳模帮扶救助专项资金（省级）',
      code: '13013324T000000000098',
      supervisingDepartment: '赵县总工会',
      implementingUnit: '赵县总工会',
    },
    objectives: {
      items: [
        {
          expected:
            '根据我县困难职工的实际情况，在大型节假日期间解困难职工的生活所急，切实做好困难职工和劳模的帮扶工作，及时将省财政资金10.336万元送到困难职工手中。',
          actual:
            '在元旦、春节等节假日期间走访慰问困难职工和劳模，省级帮扶救助专项资金10.336万元全部发放到困难职工手中，困难职工生活困难得到缓解。',
        },
      ],
    },
    scoreTable: {
      funding: funding('10.336', '10.336', '100', '10'),
      indicators: [
        indicator(
          '产出指标',
          '数量指标',
          '帮扶救助资金发放金额',
          '>=',
          '10.336',
          '万元',
          '10.336',
          '20',
          '20',
          '',
          '资金发放花名册',
        ),
        indicator('产出指标', '质量指标', '资金发放准确率', '=', '100', '%', '100', '15', '15', '', '银行代发明细'),
        indicator(
          '产出指标',
          '时效指标',
          '节假日前发放到位',
          'qualitative',
          '春节前发放到位',
          '',
          '春节前发放到位',
          '15',
          '15',
          '',
          '发放记录',
        ),
        indicator(
          '效益指标',
          '社会效益指标',
          '困难职工生活困难得到缓解',
          'qualitative',
          '有效缓解',
          '',
          '基本实现',
          '30',
          '27',
          '部分困难职工家庭因病致困，帮扶后仍有困难；下一年度加强动态跟踪',
        ),
        indicator(
          '满意度指标',
          '服务对象满意度指标',
          '受助职工满意度',
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
    conclusion: { totalScore: '97', grade: 'excellent', basis: '' },
    preparers: {
      preparer: '孟荣敏',
      phone: '0311-84912345',
      filledOn: '2025-04-15',
      unitHead: '杜力伟',
      financeHead: '孟荣敏',
    },
  };
}

/**
 * 石财行【2024】25号: the city's fund, still being filled in — one indicator not yet measured, so its
 * 实际完成值 and 得分 are missing and 总分 is not given yet (the rules say so).
 */
export function zhaoxianCityRelief2024(): ProjectReportContent {
  return {
    kind: 'project',
    schemaVersion: 1,
    projectInfo: {
      name: '2024年市级困难职工及劳模帮扶救助专项资金',
      code: '13013324T000000000025',
      supervisingDepartment: '赵县总工会',
      implementingUnit: '赵县总工会',
    },
    objectives: {
      items: [
        {
          expected:
            '按时将市财政局拨付的困难劳模帮扶救助专项资金18.49万元发放到困难劳模手中，在大型节假日期间解困难劳模的生活所急。',
          actual: '',
        },
      ],
    },
    scoreTable: {
      funding: funding('18.49', '18.49', '100', '10'),
      indicators: [
        indicator(
          '产出指标',
          '数量指标',
          '帮扶救助资金发放金额',
          '>=',
          '18.49',
          '万元',
          '18.49',
          '30',
          '30',
          '',
          '资金发放花名册',
        ),
        indicator(
          '产出指标',
          '时效指标',
          '节假日前发放到位',
          'qualitative',
          '春节前发放到位',
          '',
          '春节前发放到位',
          '20',
          '20',
          '',
          '发放记录',
        ),
        indicator('效益指标', '社会效益指标', '困难劳模生活得到改善', 'qualitative', '明显改善', '', '', '30', null),
        indicator(
          '满意度指标',
          '服务对象满意度指标',
          '受助劳模满意度',
          '>=',
          '90',
          '%',
          '96',
          '10',
          '10',
          '',
          '满意度调查问卷',
        ),
      ],
    },
    conclusion: { totalScore: null, grade: null, basis: '' },
    preparers: { preparer: '孟荣敏', phone: '0311-84912345', filledOn: '', unitHead: '杜力伟', financeHead: '孟荣敏' },
  };
}

/** 栾城区总工会's 职工文体活动 project: 6.5 万元 budgeted, 6.2 spent — submitted and in review. */
export function luanchengUnionSports2024(): ProjectReportContent {
  return {
    kind: 'project',
    schemaVersion: 1,
    projectInfo: {
      name: '职工文体活动经费',
      code: '13011124T000000000301',
      supervisingDepartment: '栾城区总工会',
      implementingUnit: '栾城区总工会',
    },
    objectives: {
      items: [
        {
          expected: '在五一劳动节、国庆节和春节期间举办全区职工文体活动不少于 3 次，丰富职工文化生活。',
          actual: '举办职工运动会、迎新春文艺汇演和职工书画展共 3 次，参与职工约 1,200 人次。',
        },
      ],
    },
    scoreTable: {
      funding: {
        ...funding('6.5', '6.2', '95.38', '9.54'),
        deviationNote: '',
      },
      indicators: [
        indicator(
          '产出指标',
          '数量指标',
          '举办职工文体活动次数',
          '>=',
          '3',
          '次',
          '3',
          '30',
          '30',
          '',
          '活动通知及照片',
        ),
        indicator('产出指标', '质量指标', '活动参与职工人次', '>=', '1000', '人次', '1200', '20', '20', '', '签到表'),
        indicator(
          '效益指标',
          '社会效益指标',
          '职工文化生活得到丰富',
          'qualitative',
          '明显丰富',
          '',
          '基本实现',
          '30',
          '25.5',
          '基层企业职工参与面仍不够广；下一年度增加基层场次',
        ),
        indicator(
          '满意度指标',
          '服务对象满意度指标',
          '参与职工满意度',
          '>=',
          '90',
          '%',
          '93',
          '10',
          '10',
          '',
          '满意度调查问卷',
        ),
      ],
    },
    conclusion: { totalScore: '95.04', grade: 'excellent', basis: '' },
    preparers: {
      preparer: '栾城区总工会编制人',
      phone: '0311-85012345',
      filledOn: '2025-04-20',
      unitHead: '栾城区总工会负责人',
      financeHead: '栾城区总工会编制人',
    },
  };
}
