import { describe, expect, it } from 'vitest';
import { appTheme, FOCUS_BLUE } from './theme';

describe('appTheme', () => {
  it('rings a focused control in blue, a field in error too: focus never looks like an error', () => {
    const theme = appTheme(false);
    const ring = theme.token?.controlOutline;
    expect(ring).toMatch(/^rgba\(22, 119, 255/);
    // a focused field in error keeps its red border, with the same blue ring around it
    expect(theme.token?.colorErrorOutline).toBe(ring);
    for (const name of ['Input', 'InputNumber', 'DatePicker', 'Select'] as const) {
      expect(theme.components?.[name]?.activeBorderColor).toBe(FOCUS_BLUE);
    }
    expect(FOCUS_BLUE).not.toBe(theme.token?.colorPrimary);
  });

  it('turns motion off for people who asked their system for less', () => {
    expect(appTheme(true).token?.motion).toBe(false);
    expect(appTheme(false).token?.motion).toBe(true);
  });
});
