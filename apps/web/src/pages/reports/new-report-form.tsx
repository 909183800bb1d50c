import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Radio, Select } from 'antd';
import {
  PROJECT_CODE_MESSAGE,
  PROJECT_CODE_PATTERN,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  REPORT_STATUS_LABELS,
  type ProjectIdentity,
  type ReportKind,
} from '@evalflow/domain';
import { useNavigate } from 'react-router-dom';
import { messageOf, type ApiClient } from '../../api/client';
import { fieldProblemsOf } from '../../api/error-details';
import { createReport, existingReportOf } from '../../api/report-parts-api';
import { IMPORT_FILE_HINT, importFileProblem } from '../../api/report-imports-api';
import { handOverImport } from '../report/score-sheet/handed-import';
import { ImportFilePicker } from './import-file-picker';
import { useLastYearProjects } from './last-year-projects';
import { fiscalYearOptions } from './report-columns';

interface NewReportValues {
  kind: ReportKind;
  fiscalYear: number;
  /** Last year's project table the project is taken from (its id), if one was picked. */
  previous?: string;
  project?: Partial<ProjectIdentity>;
  /** 在线填写, or start from a file (last year's report) imported once the report exists */
  start: 'blank' | 'file';
  file?: File;
}

const START_OPTIONS = [
  { value: 'blank', label: '在线填写' },
  { value: 'file', label: '从文件导入' },
];

const KIND_OPTIONS = REPORT_KINDS.map((k) => ({ value: k, label: REPORT_KIND_LABELS[k] }));

/** The form's fields by the names the API's 400 gives them. */
const FIELD_OF_PROBLEM: Record<string, ['fiscalYear'] | ['project', keyof ProjectIdentity]> = {
  fiscalYear: ['fiscalYear'],
  'project.code': ['project', 'code'],
  'project.name': ['project', 'name'],
  'project.supervisingDepartment': ['project', 'supervisingDepartment'],
  'project.implementingUnit': ['project', 'implementingUnit'],
};

/** The project as the API takes it: trimmed, the optional names only when given. */
function projectOf(values: Partial<ProjectIdentity> = {}): ProjectIdentity {
  const optional = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const supervisingDepartment = optional(values.supervisingDepartment);
  const implementingUnit = optional(values.implementingUnit);
  return {
    code: (values.code ?? '').trim(),
    name: (values.name ?? '').trim(),
    ...(supervisingDepartment ? { supervisingDepartment } : {}),
    ...(implementingUnit ? { implementingUnit } : {}),
  };
}

interface NewReportFormProps {
  api: ApiClient;
  /** The user's department: whose last year's project tables may be picked. */
  departmentId: string | null;
  now: Date;
  onCancel: () => void;
}

/**
 * 新建报告: the kind and the fiscal year (by default last year, the one evaluated this spring); for a
 * 项目支出绩效自评表 the project, typed or picked from the department's tables of the year before.
 * The new report opens at once; one that already exists is offered instead. 从文件导入 takes a file too
 * (checked for its type and size before anything is sent): the report's page opens its import on it.
 */
export function NewReportForm({ api, departmentId, now, onCancel }: NewReportFormProps) {
  const navigate = useNavigate();
  const [form] = Form.useForm<NewReportValues>();
  const kind = Form.useWatch('kind', form) ?? 'department_overall';
  const fiscalYear = Form.useWatch('fiscalYear', form) ?? now.getFullYear() - 1;
  const isProject = kind === 'project';
  const fromFile = Form.useWatch('start', form) === 'file';
  const lastYear = useLastYearProjects(api, departmentId, fiscalYear, isProject);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [existing, setExisting] = useState<{ id: string; message: string }>();

  const create = async (values: NewReportValues) => {
    setBusy(true);
    setError(undefined);
    setExisting(undefined);
    try {
      const input = isProject
        ? { fiscalYear: values.fiscalYear, kind, project: projectOf(values.project) }
        : { fiscalYear: values.fiscalYear, kind };
      const report = await createReport(api, input);
      openReport(report.id, values);
    } catch (e) {
      const existingId = existingReportOf(e);
      const problems = fieldProblemsOf(e).flatMap((p) =>
        Object.hasOwn(FIELD_OF_PROBLEM, p.field) ? [{ name: FIELD_OF_PROBLEM[p.field], errors: [p.message] }] : [],
      );
      if (existingId) setExisting({ id: existingId, message: messageOf(e) });
      else if (problems.length) form.setFields(problems);
      else setError(messageOf(e, '新建报告失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  };

  /** Opens the report; with 从文件导入 its page imports the chosen file at once. */
  const openReport = (reportId: string, values: Pick<NewReportValues, 'start' | 'file'> = form.getFieldsValue()) => {
    if (values.start === 'file' && values.file) handOverImport(reportId, values.file);
    navigate(`/reports/${reportId}`);
  };

  /** A project of last year picked: its code and name are this year's too. */
  const pick = (id: string | undefined) => {
    const picked = lastYear.data?.find((r) => r.id === id);
    if (!picked) return;
    form.setFieldsValue({ project: { code: picked.projectCode ?? '', name: picked.projectName ?? '' } });
    void form.validateFields([
      ['project', 'code'],
      ['project', 'name'],
    ]);
  };

  const projects = (lastYear.data ?? []).map((r) => ({
    value: r.id,
    label: `${r.projectName ?? ''}（${r.projectCode ?? ''}）${r.status === 'approved' ? '' : `· ${REPORT_STATUS_LABELS[r.status]}`}`,
  }));

  return (
    <Form<NewReportValues>
      form={form}
      name="new-report"
      layout="vertical"
      requiredMark={false}
      initialValues={{ kind: 'department_overall', fiscalYear: now.getFullYear() - 1, start: 'blank' }}
      onFinish={create}
      onValuesChange={(changed: Partial<NewReportValues>) => {
        if ('kind' in changed || 'fiscalYear' in changed) setExisting(undefined);
        // last year's projects are another list once the year changes
        if ('fiscalYear' in changed) form.setFieldValue('previous', undefined);
      }}
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      {existing && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={existing.message}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" type="primary" onClick={() => openReport(existing.id)}>
              {fromFile ? '打开已有报告并导入' : '打开已有报告'}
            </Button>
          }
        />
      )}
      <Form.Item label="报告类型" name="kind">
        <Radio.Group aria-label="报告类型" options={KIND_OPTIONS} optionType="button" />
      </Form.Item>
      <Form.Item
        label="评价年度"
        name="fiscalYear"
        extra={
          isProject
            ? '同一项目有上一年度已通过的自评表时，将据此预填目标和指标。'
            : '有上一年度已通过的报告时，将据此预填部分内容。'
        }
      >
        <Select<number> options={fiscalYearOptions(now)} style={{ width: 160 }} />
      </Form.Item>
      {isProject && (
        <>
          {departmentId && (
            <Form.Item
              label={`沿用 ${fiscalYear - 1} 年度的项目（可选）`}
              name="previous"
              extra="选择后自动填写项目编码和项目名称；也可以直接在下面填写新项目。"
            >
              <Select<string>
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={lastYear.loading ? '正在加载…' : '选择上一年度的项目'}
                loading={lastYear.loading}
                notFoundContent={
                  lastYear.error !== undefined
                    ? '上一年度的项目加载失败'
                    : `${fiscalYear - 1} 年度没有项目支出绩效自评表`
                }
                options={projects}
                onChange={pick}
              />
            </Form.Item>
          )}
          <Form.Item
            label="项目编码"
            name={['project', 'code']}
            normalize={(v: string) => v.trim()}
            rules={[
              { required: true, message: '请填写项目编码' },
              { pattern: PROJECT_CODE_PATTERN, message: PROJECT_CODE_MESSAGE },
            ]}
          >
            <Input placeholder="如 13013324T000000012345" maxLength={50} autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="项目名称"
            name={['project', 'name']}
            rules={[
              { required: true, whitespace: true, message: '请填写项目名称' },
              { max: 200, message: '项目名称不能超过 200 个字符' },
            ]}
          >
            <Input placeholder="如 困难职工帮扶救助专项资金" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item
              label="主管部门（可选）"
              name={['project', 'supervisingDepartment']}
              rules={[{ max: 100, message: '主管部门不能超过 100 个字符' }]}
              style={{ flex: '1 1 200px' }}
            >
              <Input placeholder="留空则为本部门或沿用上年度" />
            </Form.Item>
            <Form.Item
              label="实施单位（可选）"
              name={['project', 'implementingUnit']}
              rules={[{ max: 100, message: '实施单位不能超过 100 个字符' }]}
              style={{ flex: '1 1 200px' }}
            >
              <Input placeholder="留空则为本部门或沿用上年度" />
            </Form.Item>
          </Flex>
        </>
      )}
      <Form.Item label="填写方式" name="start">
        <Radio.Group aria-label="填写方式" options={START_OPTIONS} optionType="button" />
      </Form.Item>
      {fromFile && (
        <Form.Item
          label="往年的报告文件"
          name="file"
          extra={`${IMPORT_FILE_HINT}。新建后即解析文件，核对识别结果后确认导入。`}
          rules={[
            { required: true, message: '请选择要导入的文件' },
            {
              validator: async (_rule, file: File | undefined) => {
                const problem = file && importFileProblem(file);
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <ImportFilePicker />
        </Form.Item>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" htmlType="submit" loading={busy}>
          {fromFile ? '新建并导入' : '新建并打开'}
        </Button>
      </Flex>
    </Form>
  );
}
