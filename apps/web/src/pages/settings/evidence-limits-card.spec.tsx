import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FOUR_EYES, DEFAULT_INFLATION_THRESHOLDS } from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { EvidenceLimitsCard } from './evidence-limits-card';

const SETTINGS: SettingsView = {
  gradeBands: [],
  requireHeadSignOff: false,
  inflationThresholds: DEFAULT_INFLATION_THRESHOLDS,
  fourEyes: DEFAULT_FOUR_EYES,
  evidenceLimits: { maxFileMb: 20, maxReportMb: 200 },
  evidenceCeilings: { maxFileMb: 100, maxReportMb: 1024 },
  version: 5,
  isDefault: false,
};

async function renderCard(onSaved = vi.fn()) {
  const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
  renderWithSession(<EvidenceLimitsCard settings={SETTINGS} onSaved={onSaved} />, session);
  return onSaved;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const saveButton = () => screen.getByText('保存佐证材料上限');

describe('EvidenceLimitsCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the county’s limits and the platform’s ceilings', async () => {
    await renderCard();
    expect(field('单个文件上限').value).toBe('20');
    expect(field('每份报告合计上限').value).toBe('200');
    expect(screen.getByText('1–100 MB')).toBeTruthy();
    expect(screen.getByText('1–1024 MB')).toBeTruthy();
  });

  it('refuses a limit above the ceiling, or not whole, in Chinese, and sends nothing', async () => {
    const fetchMock = vi.fn();
    await renderCard();
    vi.stubGlobal('fetch', fetchMock);
    fireEvent.change(field('单个文件上限'), { target: { value: '101' } });
    fireEvent.change(field('每份报告合计上限'), { target: { value: '1.5' } });
    fireEvent.click(saveButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('单个文件上限不能超过平台上限 100 MB；每份报告合计上限应为不小于 1 的整数（MB）');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('saves the limits as whole numbers with If-Match', async () => {
    const saved = { ...SETTINGS, version: 6, evidenceLimits: { maxFileMb: 50, maxReportMb: 500 } };
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(saved));
    const onSaved = await renderCard();
    vi.stubGlobal('fetch', fetchMock);
    fireEvent.change(field('单个文件上限'), { target: { value: '50' } });
    fireEvent.change(field('每份报告合计上限'), { target: { value: ' 500 ' } });
    fireEvent.click(saveButton());
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/settings');
    expect(init.method).toBe('PATCH');
    expect(init.headers['if-match']).toBe('"5"');
    expect(JSON.parse(init.body)).toEqual({ evidenceLimits: { maxFileMb: 50, maxReportMb: 500 } });
  });
});
