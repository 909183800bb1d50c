/**
 * What each application role may do with each table. Every table of the schema must be listed
 * for both roles (set-up refuses otherwise, and a test checks it), so a new table is never
 * reachable by accident nor forgotten. Row-level security still decides which rows.
 */
export type Privilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** evalflow_app: request and job code, always inside a tenant's transaction. */
export const APP_TABLE_GRANTS: Record<string, Privilege[]> = {
  tenants: ['SELECT'],
  departments: ['SELECT', 'INSERT', 'UPDATE'],
  users: ['SELECT', 'INSERT', 'UPDATE'],
  user_roles: ['SELECT', 'INSERT', 'DELETE'],
  audit_log: ['SELECT', 'INSERT'],
  // written only by the audit_log trigger (SECURITY DEFINER); read by verification, own county only (RLS)
  audit_chain_heads: ['SELECT'],
  auth_sessions: [],
  refresh_tokens: [],
  login_throttle: [],
  tenant_settings: ['SELECT', 'INSERT', 'UPDATE'],
  reports: ['SELECT', 'INSERT', 'UPDATE'],
  report_parts: ['SELECT', 'INSERT', 'UPDATE'],
  // frozen: never changed or removed by the application
  report_revisions: ['SELECT', 'INSERT'],
  report_transitions: ['SELECT', 'INSERT'],
  outbox: ['INSERT'],
  notifications: ['SELECT', 'INSERT', 'UPDATE'],
  comment_threads: ['SELECT', 'INSERT', 'UPDATE'],
  // a comment, once written, stays as written
  comments: ['SELECT', 'INSERT'],
  report_deadlines: ['SELECT', 'INSERT', 'UPDATE'],
  documents: ['SELECT', 'INSERT', 'UPDATE'],
  report_templates: ['SELECT', 'INSERT', 'UPDATE'],
  // a published version is frozen: reports pin it
  report_template_versions: ['SELECT', 'INSERT'],
  template_publications: ['SELECT', 'INSERT', 'UPDATE'],
  indicator_library: ['SELECT', 'INSERT', 'UPDATE'],
  // the request's own transaction marks its claim committed (own county only, RLS)
  idempotency_keys: ['SELECT', 'UPDATE'],
  // 抽评: a selection stands as made; findings and 整改事项 are edited; an item's history and evidence are kept
  spot_check_batches: ['SELECT', 'INSERT'],
  spot_check_reports: ['SELECT', 'INSERT'],
  spot_check_findings: ['SELECT', 'INSERT', 'UPDATE'],
  rectification_items: ['SELECT', 'INSERT', 'UPDATE'],
  rectification_events: ['SELECT', 'INSERT'],
  rectification_evidence: ['SELECT', 'INSERT'],
  // the register of 随决算公开: published and withdrawn, never deleted
  publications: ['SELECT', 'INSERT', 'UPDATE'],
  exports: ['SELECT', 'INSERT', 'UPDATE'],
  report_imports: ['SELECT', 'INSERT', 'UPDATE'],
  // 财政复核评分: one row per report, replaced as a whole under its version
  report_rescores: ['SELECT', 'INSERT', 'UPDATE'],
  // 代理人: revoked (revoked_at), never deleted
  delegations: ['SELECT', 'INSERT', 'UPDATE'],
  // API keys of the county: created and revoked by its administrator, never deleted
  api_keys: ['SELECT', 'INSERT', 'UPDATE'],
  // 推送地址: deleted softly (deleted_at), as their deliveries name them; deliveries keep their attempts
  webhook_endpoints: ['SELECT', 'INSERT', 'UPDATE'],
  webhook_deliveries: ['SELECT', 'INSERT', 'UPDATE'],
  // 佐证材料: removed softly (deleted_at, file_deleted_at); what a revision froze is never changed
  report_evidence: ['SELECT', 'INSERT', 'UPDATE'],
  report_revision_evidence: ['SELECT', 'INSERT'],
  // 催报: the record of each reminder sent, never changed
  department_reminders: ['SELECT', 'INSERT'],
  schema_migrations: [],
};

/**
 * evalflow_platform (BYPASSRLS): authentication (before a tenant is known) and platform
 * administration of counties. It reaches no report data.
 */
export const PLATFORM_TABLE_GRANTS: Record<string, Privilege[]> = {
  tenants: ['SELECT', 'INSERT', 'UPDATE'],
  departments: ['SELECT'],
  users: ['SELECT', 'INSERT', 'UPDATE'],
  user_roles: ['SELECT', 'INSERT'],
  audit_log: ['SELECT', 'INSERT'],
  // written only by the audit_log trigger; read to verify the platform's chain
  audit_chain_heads: ['SELECT'],
  auth_sessions: ['SELECT', 'INSERT', 'UPDATE'],
  refresh_tokens: ['SELECT', 'INSERT', 'UPDATE'],
  login_throttle: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  tenant_settings: [],
  reports: [],
  report_parts: [],
  report_revisions: [],
  report_transitions: [],
  // the relay reads every county's pending jobs (ids only, no report content) and marks them sent
  outbox: ['SELECT', 'UPDATE'],
  notifications: [],
  comment_threads: [],
  comments: [],
  report_deadlines: [],
  documents: [],
  report_templates: [],
  report_template_versions: [],
  template_publications: [],
  indicator_library: [],
  // the API's edge: a retried POST gets its first answer
  idempotency_keys: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  spot_check_batches: [],
  spot_check_reports: [],
  spot_check_findings: [],
  rectification_items: [],
  rectification_events: [],
  rectification_evidence: [],
  publications: [],
  exports: [],
  report_imports: [],
  report_rescores: [],
  delegations: [],
  // an API key is looked up by its hash before its county is known; last_used_at is stamped there
  api_keys: ['SELECT', 'UPDATE'],
  webhook_endpoints: [],
  webhook_deliveries: [],
  report_evidence: [],
  report_revision_evidence: [],
  department_reminders: [],
  schema_migrations: [],
};
