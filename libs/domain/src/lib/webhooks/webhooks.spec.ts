import { checkWebhookUrlShape, isNonPublicAddress, webhookEventOfTransition } from './webhooks';

const production = { allowHttp: false, allowPrivateAddresses: false };
const development = { allowHttp: true, allowPrivateAddresses: true };

describe('webhook URLs', () => {
  it('accepts a public https URL', () => {
    expect(checkWebhookUrlShape('https://yth.example.gov.cn/hooks/evalflow', production)).toBeNull();
  });

  it('refuses plain http outside development and test', () => {
    expect(checkWebhookUrlShape('http://yth.example.gov.cn/hook', production)).toBe('WEBHOOK_URL_NOT_HTTPS');
    expect(checkWebhookUrlShape('http://127.0.0.1:8080/hook', development)).toBeNull();
  });

  it('refuses what is not a URL, other schemes and embedded credentials', () => {
    expect(checkWebhookUrlShape('yth.example.gov.cn', production)).toBe('WEBHOOK_URL_INVALID');
    expect(checkWebhookUrlShape('ftp://yth.example.gov.cn/', production)).toBe('WEBHOOK_URL_NOT_HTTPS');
    expect(checkWebhookUrlShape('https://u:p@yth.example.gov.cn/', production)).toBe('WEBHOOK_URL_INVALID');
  });

  it.each([
    'https://localhost/hook',
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://172.20.0.1/hook',
    'https://192.168.1.1/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[fe80::1]/hook',
    'https://[fd00::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
  ])('refuses %s from a production instance', (url) => {
    expect(checkWebhookUrlShape(url, production)).toBe('WEBHOOK_URL_PRIVATE_ADDRESS');
  });

  it('judges addresses', () => {
    expect(isNonPublicAddress('8.8.8.8')).toBe(false);
    expect(isNonPublicAddress('2400:3200::1')).toBe(false);
    expect(isNonPublicAddress('100.64.0.1')).toBe(true);
    expect(isNonPublicAddress('0.0.0.0')).toBe(true);
  });
});

describe('webhook events', () => {
  it('announces submit, return, approve and reopen; not the internal moves', () => {
    expect(webhookEventOfTransition('submit')).toBe('report.submitted');
    expect(webhookEventOfTransition('return')).toBe('report.returned');
    expect(webhookEventOfTransition('approve')).toBe('report.approved');
    expect(webhookEventOfTransition('reopen')).toBe('report.reopened');
    expect(webhookEventOfTransition('withdraw')).toBeNull();
  });
});
