import { ERROR_CATALOGUE, EVIDENCE_KINDS_TEXT, evidenceKindOfName, formatFileSize } from '@evalflow/domain';
import type { EvidenceListView } from '../../../api/evidence-api';

/** What a batch of files already takes before this one: the bytes and the count. */
export interface Pending {
  bytes: number;
  files: number;
}

/**
 * Why the API would refuse `file` before reading it (its name's kind, its size, the report's total and file
 * count under the county's limits), in Chinese; undefined when it would not. The API still judges the content.
 */
export function evidenceUploadProblem(
  file: Pick<File, 'name' | 'size'>,
  list: Pick<EvidenceListView, 'items' | 'usedBytes' | 'limits'>,
  pending: Pending = { bytes: 0, files: 0 },
): string | undefined {
  const { limits } = list;
  if (!evidenceKindOfName(file.name))
    return `「${file.name}」的类型不能作为佐证材料上传，请上传 ${EVIDENCE_KINDS_TEXT}`;
  if (file.size === 0) return `「${file.name}」：${ERROR_CATALOGUE.EVIDENCE_EMPTY.message}`;
  if (file.size > limits.maxFileBytes) {
    return `「${file.name}」（${formatFileSize(file.size)}）超过单个文件上限 ${formatFileSize(limits.maxFileBytes)}`;
  }
  if (list.items.length + pending.files >= limits.maxFiles) {
    return `本报告最多上传 ${limits.maxFiles} 个佐证材料，「${file.name}」未上传`;
  }
  const used = list.usedBytes + pending.bytes;
  if (used + file.size > limits.maxReportBytes) {
    return (
      `本报告佐证材料合计不能超过 ${formatFileSize(limits.maxReportBytes)}（已用 ${formatFileSize(used)}），` +
      `「${file.name}」（${formatFileSize(file.size)}）放不下，请删去不需要的文件后再上传`
    );
  }
  return undefined;
}
