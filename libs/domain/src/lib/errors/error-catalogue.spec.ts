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

  it('answers the 指标库’s failures with their own codes and statuses', () => {
    expect(ERROR_CATALOGUE.LIBRARY_ENTRY_NOT_FOUND.kind).toBe('not_found');
    expect(ERROR_CATALOGUE.LIBRARY_ENTRY_EXISTS.kind).toBe('conflict');
    expect(ERROR_CATALOGUE.LIBRARY_IMPORT_INVALID.kind).toBe('invalid');
    expect(ERROR_CATALOGUE.LIBRARY_FILE_INVALID.kind).toBe('invalid');
    expect(ERROR_CATALOGUE.LIBRARY_FILE_TYPE.kind).toBe('unsupported_media_type');
    expect(ERROR_CATALOGUE.LIBRARY_FILE_TOO_LARGE.kind).toBe('payload_too_large');
    const exists = new AppError('LIBRARY_ENTRY_EXISTS', { existingId: 'x' });
    expect(exists.toBody()).toEqual({
      code: 'LIBRARY_ENTRY_EXISTS',
      message: '指标库中已有一级、二级、三级指标都相同的指标',
      details: { existingId: 'x' },
    });
  });
});
