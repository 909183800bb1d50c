import { createContext, useContext } from 'react';
import type { ApiClient } from '../../../api/client';
import type { EvidenceItem, EvidenceListView } from '../../../api/evidence-api';

/** The report's 佐证材料 as the report page holds them: the list, its changes, and the drawer of one row. */
export interface EvidenceState {
  api: ApiClient;
  reportId: string;
  list: EvidenceListView | undefined;
  error: unknown;
  reload: () => void;
  /** A file the API took, moved or removed, applied to the list without asking for it again. */
  added: (item: EvidenceItem) => void;
  replaced: (item: EvidenceItem) => void;
  removed: (item: EvidenceItem) => void;
  /** The current rows' 三级指标, in the table's order, blanks and repeats left out. */
  indicators: string[];
  /** Opens the drawer of the row named `indicator`. */
  open: (indicator: string) => void;
}

export const EvidenceContext = createContext<EvidenceState | null>(null);

/** null outside a report page (a public or frozen view): no 佐证 buttons are shown there. */
export const useEvidence = () => useContext(EvidenceContext);

/** The files attached to the row named `indicator` (trimmed, as the API matches it). */
export const filesOf = (list: EvidenceListView | undefined, indicator: string) =>
  list?.items.filter((item) => item.indicator === indicator.trim()) ?? [];
