import { routeFamily } from './rate-limit';

describe('routeFamily', () => {
  it('counts the public disclosure page as its own family (per address), whatever the method', () => {
    expect(routeFamily('GET', '/api/public/counties/130133/publications')).toBe('public');
    expect(routeFamily('GET', '/api/public/counties/130133/publications/x/pdf')).toBe('public');
    expect(routeFamily('GET', '/api/publications')).toBe('reads');
    expect(routeFamily('POST', '/api/reports/x/publication')).toBe('writes');
  });
});
