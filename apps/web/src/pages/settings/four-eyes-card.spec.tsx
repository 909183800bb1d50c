import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_EVIDENCE_LIMITS, DEFAULT_FOUR_EYES, DEFAULT_INFLATION_THRESHOLDS } from '@evalflow/domain';
import type { SettingsView } from '../../api/types';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { FourEyesCard } from './four-eyes-card';

const SETTINGS: SettingsView = {
  gradeBands: [],
  requireHeadSignOff: false,
  inflationThresholds: DEFAULT_INFLATION_THRESHOLDS,
  fourEyes: DEFAULT_FOUR_EYES,
  evidenceLimits: DEFAULT_EVIDENCE_LIMITS,
  evidenceCeilings: { maxFileMb: 100, maxReportMb: 1024 },
  version: 2,
  isDefault: false,
};

const toggle = (label: string) => screen.getByRole('switch', { name: label });

describe('FourEyesCard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows both rules on by default, in Chinese', async () => {
    const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    renderWithSession(<FourEyesCard settings={SETTINGS} onSaved={vi.fn()} />, session);
    expect(screen.getByText('审核分工（四眼原则）')).toBeTruthy();
    expect(toggle('审核人不能审批通过').getAttribute('aria-checked')).toBe('true');
    expect(toggle('填报人不能审核自己的报告').getAttribute('aria-checked')).toBe('true');
  });

  it('turns one rule off after confirmation, sending only that switch with If-Match', async () => {
    const saved = { ...SETTINGS, version: 3, fourEyes: { ...DEFAULT_FOUR_EYES, reviewerMayNotApprove: false } };
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(saved));
    const onSaved = vi.fn();
    const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    vi.stubGlobal('fetch', fetchMock);
    renderWithSession(<FourEyesCard settings={SETTINGS} onSaved={onSaved} />, session);
    fireEvent.click(toggle('审核人不能审批通过'));
    expect((await screen.findAllByText('不再要求「审核人不能审批通过」？')).length).toBeGreaterThan(0);
    const buttons = await screen.findAllByRole('button', { name: /关\s*闭/ });
    await act(async () => fireEvent.click(buttons[buttons.length - 1]));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/settings');
    expect(init.method).toBe('PATCH');
    expect(init.headers['if-match']).toBe('"2"');
    expect(JSON.parse(init.body)).toEqual({ fourEyes: { reviewerMayNotApprove: false } });
  });
});
