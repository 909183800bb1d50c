import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EVIDENCE_LIMITS, DEFAULT_FOUR_EYES, DEFAULT_INFLATION_THRESHOLDS } from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { InflationThresholdsCard } from './inflation-thresholds-card';

const SETTINGS: SettingsView = {
  gradeBands: [],
  requireHeadSignOff: false,
  inflationThresholds: DEFAULT_INFLATION_THRESHOLDS,
  fourEyes: DEFAULT_FOUR_EYES,
  evidenceLimits: DEFAULT_EVIDENCE_LIMITS,
  evidenceCeilings: { maxFileMb: 100, maxReportMb: 1024 },
  version: 3,
  isDefault: false,
};

async function renderCard(onSaved = vi.fn()) {
  const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
  renderWithSession(<InflationThresholdsCard settings={SETTINGS} onSaved={onSaved} />, session);
  return onSaved;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('InflationThresholdsCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the county’s thresholds with their units', async () => {
    await renderCard();
    expect(field('高分线').value).toBe('95');
    expect(field('执行率低于（红）').value).toBe('80');
    expect(field('照搬且满分的指标数（黄）').value).toBe('5');
    expect(screen.getByText('满分指标未附佐证材料')).toBeTruthy();
    expect(field('满分未附佐证的指标数（黄）').value).toBe('3');
    expect(field('满分未附佐证的指标数（红）').value).toBe('8');
    expect(screen.getByText('自评得分高于复核得分超过阈值')).toBeTruthy();
    expect(field('自评高于复核超过（黄）').value).toBe('5');
    expect(field('自评高于复核超过（红）').value).toBe('10');
  });

  it('refuses a red re-score gap below the yellow one, in Chinese', async () => {
    const fetchMock = vi.fn();
    await renderCard();
    vi.stubGlobal('fetch', fetchMock);
    fireEvent.change(field('自评高于复核超过（红）'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: /保存预警阈值/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('红灯的分差不能小于黄灯的');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('names a threshold out of range in Chinese and sends nothing', async () => {
    const fetchMock = vi.fn();
    await renderCard();
    vi.stubGlobal('fetch', fetchMock);
    fireEvent.change(field('高分线'), { target: { value: '101' } });
    fireEvent.click(screen.getByRole('button', { name: /保存预警阈值/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('高分线应为 0–100 的数');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('saves the thresholds with If-Match, the counts as numbers and the rest as decimal strings', async () => {
    const saved = { ...SETTINGS, version: 4 };
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(saved));
    const onSaved = await renderCard();
    vi.stubGlobal('fetch', fetchMock);
    fireEvent.change(field('高分线'), { target: { value: '96' } });
    fireEvent.change(field('照搬且满分的指标数（红）'), { target: { value: '12' } });
    fireEvent.change(field('满分未附佐证的指标数（红）'), { target: { value: '6' } });
    fireEvent.change(field('自评高于复核超过（黄）'), { target: { value: '4.5' } });
    fireEvent.click(screen.getByRole('button', { name: /保存预警阈值/ }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/settings');
    expect(init.method).toBe('PATCH');
    expect(init.headers['if-match']).toBe('"3"');
    expect(JSON.parse(init.body)).toEqual({
      inflationThresholds: {
        ...DEFAULT_INFLATION_THRESHOLDS,
        highScoreLowRate: { ...DEFAULT_INFLATION_THRESHOLDS.highScoreLowRate, minScore: '96' },
        copiedFullMarks: { yellowCount: 5, redCount: 12 },
        fullMarksWithoutFiles: { yellowCount: 3, redCount: 6 },
        selfAboveReScore: { yellowGap: '4.5', redGap: '10' },
      },
    });
  });
});
