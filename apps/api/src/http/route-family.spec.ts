import { routeFamily } from './rate-limit';

describe('routeFamily', () => {
  it.each([
    ['POST', '/api/auth/login', 'auth'],
    ['GET', '/api/auth/me', 'reads'],
    ['POST', '/api/reports/1/documents', 'costly'],
    ['GET', '/api/dashboard/summary.xlsx', 'costly'],
    ['GET', '/api/indicator-library/export', 'costly'],
    ['GET', '/api/dashboard', 'reads'],
    ['GET', '/api/reports/1/score-sheet/xlsx', 'costly'],
    ['POST', '/api/reports/1/score-sheet/import', 'costly'],
    ['GET', '/api/dashboard/summary.xlsxx', 'reads'],
    ['PUT', '/api/reports/1/parts/team', 'writes'],
    ['POST', '/api/exports', 'costly'],
    ['GET', '/api/exports/1', 'reads'],
    ['GET', '/api/exports/1/file', 'reads'],
    ['POST', '/api/reports/1/imports', 'costly'],
    ['POST', '/api/reports/1/evidence', 'costly'],
    ['GET', '/api/reports/1/evidence/2/file', 'reads'],
    ['GET', '/api/reports/1/imports/2', 'reads'],
  ])('%s %s is counted as %s', (method, path, family) => {
    expect(routeFamily(method, path)).toBe(family);
  });
});
