import type { LibraryEntryFields } from '@evalflow/domain';

export interface DemoLibraryEntry extends LibraryEntryFields {
  /** false: an archived (停用) entry, to show that reports keep what they picked */
  active?: false;
}

const entry = (
  level1: string,
  level2: string,
  level3: string,
  nature: LibraryEntryFields['nature'],
  unit: string,
  suggestedTarget: string,
  suggestedEvidence: string,
  note = '',
): LibraryEntryFields => ({ level1, level2, level3, unit, nature, suggestedTarget, suggestedEvidence, note });

/**
 * 赵县's 指标库 for the demo: the indicators of the 赵县总工会 sample and its project tables, and the ones
 * most county 绩效自评表 use (资金到位率, 资金发放准确率, 受益对象满意度, …); one archived.
 */
export const ZHAOXIAN_LIBRARY: DemoLibraryEntry[] = [
  entry('产出指标', '数量指标', '上解市总工会经费', '=', '万元', '47', '上解凭证', '按当年工会经费收入的规定比例上解'),
  entry('产出指标', '数量指标', '困难职工及劳模帮扶救助资金发放', '>=', '万元', '28.826', '救助资金发放花名册'),
  entry('产出指标', '数量指标', '举办职工文体活动次数', '>=', '次', '4', '活动通知及照片'),
  entry('产出指标', '数量指标', '大型节日文体活动举办次数', '>=', '次', '3', '活动通知及照片'),
  entry('产出指标', '质量指标', '资金发放准确率', '=', '%', '100', '银行代发明细', '准确发放金额 ÷ 应发放金额 × 100%'),
  entry('产出指标', '质量指标', '工资及社会保险按时足额缴纳率', '=', '%', '100', '工资表、社保缴费凭证'),
  entry('产出指标', '质量指标', '活动参与职工人次', '>=', '人次', '1000', '签到表'),
  entry('产出指标', '质量指标', '政府采购执行率', '=', '%', '100', '政府采购合同、验收单'),
  entry('产出指标', '时效指标', '资金到位率', '=', '%', '100', '指标文件、到账凭证', '到位资金 ÷ 预算资金 × 100%'),
  entry('产出指标', '时效指标', '节假日前发放到位', 'qualitative', '', '春节、中秋前发放完毕', '发放记录'),
  entry('产出指标', '时效指标', '工会经费按季度上解市总工会', 'qualitative', '', '每季度末上解', '上解凭证'),
  entry('产出指标', '成本指标', '全县会员保险费', '<=', '万元', '5', '保险缴费凭证'),
  entry('产出指标', '成本指标', '“三公”经费控制率', '<=', '%', '100', '决算报表', '实际支出 ÷ 预算安排 × 100%'),
  entry('效益指标', '社会效益指标', '困难职工帮扶覆盖情况', 'qualitative', '', '应帮尽帮', '帮扶台账'),
  entry('效益指标', '社会效益指标', '困难职工生活困难得到缓解', 'qualitative', '', '有效缓解', '走访记录'),
  entry('效益指标', '社会效益指标', '职工文化生活得到丰富', 'qualitative', '', '明显丰富', '活动总结'),
  entry('效益指标', '可持续影响指标', '预算管理水平', 'qualitative', '', '预算编制科学、执行有力', '预算、决算报表'),
  entry('效益指标', '可持续影响指标', '长效帮扶机制建立情况', 'qualitative', '', '建立并有效运行', '制度文件'),
  entry('满意度指标', '服务对象满意度指标', '受益对象满意度', '>=', '%', '90', '满意度调查问卷', '抽样不少于 30 份'),
  entry('满意度指标', '服务对象满意度指标', '职工满意度', '>=', '%', '90', '满意度调查问卷'),
  entry('满意度指标', '服务对象满意度指标', '受助职工满意度', '>=', '%', '95', '回访记录'),
  {
    ...entry('产出指标', '数量指标', '会员保险覆盖人数', '>=', '人', '5000', '参保名单', '已由「全县会员保险费」替代'),
    active: false,
  },
];
