import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { SelectedReport } from '../../api/spot-checks-api';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { SelectionForm } from './selection-form';

const report = (id: string, departmentName: string, totalScore: string): SelectedReport => ({
  id,
  departmentId: `d-${id}`,
  departmentName,
  kind: 'department_overall',
  projectName: null,
  status: 'submitted',
  totalScore,
});

function renderForm(answer: (call: FakeCall) => unknown) {
  const api = fakeApi(answer);
  const onCreated = vi.fn();
  render(
    <AntApp>
      <SelectionForm api={api} fiscalYear={2024} onCreated={onCreated} />
    </AntApp>,
  );
  return { api, onCreated };
}

describe('SelectionForm', () => {
  it('previews a rule below a score line, then saves the batch with that rule', async () => {
    const { api, onCreated } = renderForm((call) => {
      if (call.path.startsWith('/spot-checks/candidates')) return [];
      if (call.path === '/spot-checks/preview') {
        return {
          fiscalYear: 2024,
          ruleText: '总分低于 80 分',
          candidates: 5,
          reports: [report('r1', '赵县教育局', '72.50')],
        };
      }
      return { id: 'b1', name: '2024年度重点绩效评价', reportCount: 1 };
    });
    fireEvent.click(screen.getByText('低于分数线'));
    fireEvent.click(screen.getByRole('button', { name: '预 览' }));
    expect(await screen.findByText('总分低于 80 分：在 5 份可抽评报告中选中 1 份')).toBeTruthy();
    expect(screen.getByText('赵县教育局 · 部门整体支出绩效自评报告')).toBeTruthy();
    fireEvent.click(screen.getByText('保存批次'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    const create = api.calls.find((c) => c.path === '/spot-checks');
    expect(create?.body).toEqual({
      name: '2024年度重点绩效评价',
      fiscalYear: 2024,
      rule: { kind: 'below_score', maxScore: '80' },
    });
  });

  it('sends a random share with its seed, and says so when nothing is selected and nothing is saved', async () => {
    const { api, onCreated } = renderForm((call) => {
      if (call.path.startsWith('/spot-checks/candidates')) return [];
      if (call.path === '/spot-checks/preview') {
        return { fiscalYear: 2024, ruleText: '随机抽取 20%，种子 42', candidates: 0, reports: [] };
      }
      throw new ApiError(422, {
        code: 'SPOT_CHECK_NOTHING_SELECTED',
        message: '按此规则没有选中任何报告，未保存抽评批次',
      });
    });
    fireEvent.change(screen.getByLabelText('随机种子'), { target: { value: '42' } });
    fireEvent.click(screen.getByRole('button', { name: '预 览' }));
    expect(await screen.findByText('随机抽取 20%，种子 42：没有选中任何报告')).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/spot-checks/preview')?.body).toEqual({
      fiscalYear: 2024,
      rule: { kind: 'random', sharePercent: '20', seed: 42 },
    });
    fireEvent.click(screen.getByText('保存批次'));
    expect(await screen.findByText('按此规则没有选中任何报告，未保存抽评批次')).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
  });
});
