import { tagged, type Action, type SubjectName } from './abilities';
import { documentEdition, isApprovedEdition } from '../report/documents';
import { API_KEY_SCOPES, defineApiKeyAbility, isApiKeyScope } from './api-key-scopes';

const county = '11111111-1111-1111-1111-111111111111';
const other = '22222222-2222-2222-2222-222222222222';
const report = (tenantId: string, status: string) => tagged('Report', { id: 'r', tenantId, departmentId: 'd', status });

describe('API key abilities', () => {
  it('grant a scope’s read on the key’s county only, and only when the key holds it', () => {
    const reports = defineApiKeyAbility(county, ['reports:read'], 'reports:read');
    expect(reports.can('read', report(county, 'draft'))).toBe(true);
    expect(reports.can('read', report(other, 'approved'))).toBe(false);
    expect(defineApiKeyAbility(county, ['summary:read'], 'reports:read').can('read', 'Report')).toBe(false);
    expect(defineApiKeyAbility(county, [...API_KEY_SCOPES], undefined).rules).toEqual([]);
  });

  it('reads documents of approved reports only, even for a key that also reads reports', () => {
    const documents = defineApiKeyAbility(county, ['reports:read', 'documents:read'], 'documents:read');
    expect(documents.can('read', report(county, 'approved'))).toBe(true);
    expect(documents.can('read', report(county, 'submitted'))).toBe(false);
  });

  it('never writes, whatever the scopes', () => {
    const writes: Action[] = ['create', 'update', 'manage', 'review', 'resetPassword'];
    const subjects: SubjectName[] = ['Report', 'User', 'Department', 'ApiKey', 'TenantSettings', 'Publication'];
    for (const scope of API_KEY_SCOPES) {
      const ability = defineApiKeyAbility(county, [...API_KEY_SCOPES], scope);
      for (const action of writes) for (const subject of subjects) expect(ability.can(action, subject)).toBe(false);
      expect(ability.rules.every((rule) => rule.action === 'read' && rule.subject === 'Report')).toBe(true);
    }
  });

  it('takes only the approved edition of a report as its result', () => {
    expect(isApprovedEdition(documentEdition('approved', 2, 9).edition)).toBe(true);
    expect(isApprovedEdition(documentEdition('in_review', 2, 9).edition)).toBe(false);
    expect(isApprovedEdition(documentEdition('draft', null, 9).edition)).toBe(false);
    expect(isApprovedEdition('r1-public-20250801')).toBe(false);
  });

  it('knows its scope names', () => {
    expect(API_KEY_SCOPES.filter(isApiKeyScope)).toHaveLength(3);
    expect(isApiKeyScope('reports:write')).toBe(false);
  });
});
