import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import type { AppAbility } from './abilities';

/**
 * What an API key (a county's service account) may read. Read only, always: a key never writes,
 * and it never sees another county (its tenant context is its own county, so RLS applies too).
 */
export const API_KEY_SCOPES = ['reports:read', 'documents:read', 'summary:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const API_KEY_SCOPE_LABELS: Record<ApiKeyScope, string> = {
  'reports:read': '读取报告（列表、内容和状态）',
  'documents:read': '下载已通过报告的正式文档',
  'summary:read': '读取汇总（县级概览、汇总表）',
};

/** Every key begins so, which lets the API tell a key from a signed-in user's token at a glance. */
export const API_KEY_PREFIX = 'ef_live_';

export function isApiKeyScope(value: unknown): value is ApiKeyScope {
  return typeof value === 'string' && (API_KEY_SCOPES as readonly string[]).includes(value);
}

/** A key's service account, carried by the principal of a request made with it. */
export interface ServiceAccount {
  keyId: string;
  keyName: string;
  /** shown in lists and logs: the first characters of the key, never the rest */
  keyPrefix: string;
  scopes: ApiKeyScope[];
}

/** Whether the caller is an API key rather than a signed-in user. */
export function isServiceAccount(principal: { serviceAccount?: ServiceAccount }): boolean {
  return principal.serviceAccount !== undefined;
}

/**
 * The ability of a key on a route that accepts `routeScope`: only that scope's read rules, and
 * none at all when the route accepts no key or the key was not granted its scope (deny by default). Built per route, so a key with
 * two scopes does not read documents of unapproved reports through its reports scope.
 */
export function defineApiKeyAbility(
  tenantId: string,
  granted: readonly ApiKeyScope[],
  routeScope: ApiKeyScope | undefined,
): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (routeScope && granted.includes(routeScope)) {
    switch (routeScope) {
      case 'reports:read':
      case 'summary:read':
        can('read', 'Report', { tenantId });
        break;
      case 'documents:read':
        // 预算一体化 takes the approved result, not drafts under review
        can('read', 'Report', { tenantId, status: 'approved' });
        break;
    }
  }
  return build();
}
