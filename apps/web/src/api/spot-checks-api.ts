import type { RectificationStatus, ReportKind, ReportStatus, SelectionRuleKind } from '@evalflow/domain';
import { ifMatch, patchVersion, queryString, type ApiClient } from './client';

/** 抽评 and 整改 as the API answers them (apps/api/src/spot-checks). */
export interface SelectionRuleInput {
  kind: SelectionRuleKind;
  reportIds?: string[];
  sharePercent?: string;
  seed?: number;
  maxScore?: string;
  lights?: Array<'red' | 'yellow'>;
}

export interface SelectedReport {
  id: string;
  departmentId: string;
  departmentName: string;
  kind: ReportKind;
  projectName: string | null;
  status: ReportStatus;
  totalScore: string | null;
  alreadySelected?: boolean;
  items?: number;
  openItems?: number;
  overdueItems?: number;
}

export interface SelectionPreview {
  fiscalYear: number;
  ruleText: string;
  candidates: number;
  reports: SelectedReport[];
}

export interface ItemCounts {
  total: number;
  open: number;
  overdue: number;
  closed: number;
}

export interface SpotCheckBatch {
  id: string;
  fiscalYear: number;
  name: string;
  rule: SelectionRuleInput;
  ruleText: string;
  createdByName: string;
  createdAt: string;
  reportCount: number;
  items: ItemCounts;
  reports?: SelectedReport[];
}

export interface RectificationEvent {
  action: string;
  fromStatus: RectificationStatus | null;
  toStatus: RectificationStatus;
  note: string | null;
  actorName: string;
  occurredAt: string;
}

export interface Evidence {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface Rectification {
  id: string;
  reportId: string;
  title: string;
  ownerUserId: string | null;
  ownerName: string;
  dueOn: string;
  status: RectificationStatus;
  overdue: boolean;
  answer: string | null;
  evidenceText: string | null;
  answeredAt: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  evidence: Evidence[];
  history: RectificationEvent[];
}

export interface RectificationListItem extends Rectification {
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
}

export interface Finding {
  id: string;
  body: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportSpotCheck {
  selected: boolean;
  batch: { id: string; name: string; ruleText: string; selectedAt: string } | null;
  findings: Finding[];
  items: Rectification[];
}

export async function listBatches(api: ApiClient, fiscalYear: number, signal?: AbortSignal) {
  return (await api.request<SpotCheckBatch[]>(`/spot-checks${queryString({ fiscalYear })}`, { signal })).data;
}

export async function getBatch(api: ApiClient, id: string, signal?: AbortSignal) {
  return (await api.request<SpotCheckBatch>(`/spot-checks/${encodeURIComponent(id)}`, { signal })).data;
}

export async function listCandidates(api: ApiClient, fiscalYear: number, signal?: AbortSignal) {
  return (await api.request<SelectedReport[]>(`/spot-checks/candidates${queryString({ fiscalYear })}`, { signal }))
    .data;
}

export async function previewSelection(api: ApiClient, fiscalYear: number, rule: SelectionRuleInput) {
  return (await api.request<SelectionPreview>('/spot-checks/preview', { method: 'POST', body: { fiscalYear, rule } }))
    .data;
}

export async function createBatch(api: ApiClient, name: string, fiscalYear: number, rule: SelectionRuleInput) {
  return (await api.request<SpotCheckBatch>('/spot-checks', { method: 'POST', body: { name, fiscalYear, rule } })).data;
}

const reportPath = (reportId: string) => `/reports/${encodeURIComponent(reportId)}`;
const itemPath = (id: string) => `/rectifications/${encodeURIComponent(id)}`;

export async function reportSpotCheck(api: ApiClient, reportId: string, signal?: AbortSignal) {
  return (await api.request<ReportSpotCheck>(`${reportPath(reportId)}/spot-check`, { signal })).data;
}

export async function addFinding(api: ApiClient, reportId: string, body: string) {
  return (await api.request<Finding>(`${reportPath(reportId)}/spot-check/findings`, { method: 'POST', body: { body } }))
    .data;
}

export function editFinding(api: ApiClient, reportId: string, finding: Pick<Finding, 'id' | 'version'>, body: string) {
  return patchVersion<Finding>(api, `${reportPath(reportId)}/spot-check/findings/${finding.id}`, finding.version, {
    body,
  });
}

export interface NewRectification {
  title: string;
  ownerName?: string;
  ownerUserId?: string;
  dueOn: string;
}

export async function createRectification(api: ApiClient, reportId: string, item: NewRectification) {
  return (await api.request<Rectification>(`${reportPath(reportId)}/rectifications`, { method: 'POST', body: item }))
    .data;
}

/** The bureau's change of an item's text, owner or due date, as of its version. */
export function updateRectification(
  api: ApiClient,
  item: Pick<Rectification, 'id' | 'version'>,
  changes: Partial<NewRectification>,
) {
  return patchVersion<Rectification>(api, itemPath(item.id), item.version, changes);
}

export async function answerRectification(
  api: ApiClient,
  item: Pick<Rectification, 'id' | 'version'>,
  answer: { answer: string; evidenceText?: string },
) {
  return (
    await api.request<Rectification>(`${itemPath(item.id)}/answer`, {
      method: 'POST',
      body: answer,
      headers: ifMatch(item.version),
    })
  ).data;
}

export async function decideRectification(
  api: ApiClient,
  item: Pick<Rectification, 'id' | 'version'>,
  action: 'close' | 'reopen',
  reason?: string,
) {
  return (
    await api.request<Rectification>(`${itemPath(item.id)}/decision`, {
      method: 'POST',
      body: { action, reason },
      headers: ifMatch(item.version),
    })
  ).data;
}

export async function uploadEvidence(api: ApiClient, itemId: string, fileName: string, contentBase64: string) {
  return (
    await api.request<Rectification>(`${itemPath(itemId)}/evidence`, {
      method: 'POST',
      body: { fileName, contentBase64 },
    })
  ).data;
}

export async function evidenceFile(api: ApiClient, itemId: string, evidenceId: string): Promise<Blob> {
  return (
    await api.request<Blob>(`${itemPath(itemId)}/evidence/${encodeURIComponent(evidenceId)}`, { responseType: 'blob' })
  ).data;
}

export async function listRectifications(
  api: ApiClient,
  filter: { fiscalYear?: number; overdue?: boolean },
  signal?: AbortSignal,
) {
  return (await api.request<RectificationListItem[]>(`/rectifications${queryString(filter)}`, { signal })).data;
}
