import { RECTIFICATION_ACTION_LABELS, RECTIFICATION_STATUS_LABELS, type RectificationStatus } from '@evalflow/domain';

export const STATUS_COLORS: Record<RectificationStatus, string> = { open: 'orange', answered: 'blue', closed: 'green' };

export const statusLabel = (status: RectificationStatus) => RECTIFICATION_STATUS_LABELS[status];

/** History lines: the state machine's actions, and the item's creation, edits and evidence. */
export function actionLabel(action: string): string {
  if (action === 'evidence') return '上传佐证材料';
  return (RECTIFICATION_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** A file's bytes as base64 (the API takes evidence as a JSON body). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;
