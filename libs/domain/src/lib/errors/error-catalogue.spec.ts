import { AppError, ERROR_CATALOGUE } from './error-catalogue';

describe('error catalogue', () => {
  it('gives every code a Chinese message', () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z][A-Z_]+$/);
      expect(spec.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('builds the one error body, with details only when there are some', () => {
    expect(new AppError('NOT_FOUND').toBody()).toEqual({ code: 'NOT_FOUND', message: '请求的对象不存在' });
    const withDetails = new AppError('VALIDATION_FAILED', [{ field: 'name' }], '名称不能为空');
    expect(withDetails.toBody()).toEqual({
      code: 'VALIDATION_FAILED',
      message: '名称不能为空',
      details: [{ field: 'name' }],
    });
    expect(withDetails.kind).toBe('invalid');
  });
});
