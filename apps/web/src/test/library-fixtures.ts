import type { LibraryEntryView } from '../api/indicator-library-api';
import { TENANT } from './session-fixtures';

let seq = 0;

/** A 指标库 entry of 赵县 for the web tests. */
export function libraryEntry(overrides: Partial<LibraryEntryView> = {}): LibraryEntryView {
  seq += 1;
  return {
    id: `cccccccc-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    tenantId: TENANT.id,
    level1: '产出指标',
    level2: '质量指标',
    level3: '资金发放准确率',
    unit: '%',
    nature: '=',
    suggestedTarget: '100',
    suggestedEvidence: '银行代发明细',
    note: '',
    active: true,
    version: 1,
    createdAt: '2026-01-05T08:00:00.000Z',
    updatedAt: '2026-01-05T08:00:00.000Z',
    ...overrides,
  };
}
