import { describe, expect, it } from 'vitest';
import { editionLabel } from './document-labels';

describe('editionLabel', () => {
  it('names each edition, the public version with its revision and day', () => {
    expect(editionLabel({ edition: 'r2', revisionNumber: 2 })).toBe('第 2 版提交稿');
    expect(editionLabel({ edition: 'r2-approved', revisionNumber: 2 })).toBe('审核通过稿（第 2 版）');
    expect(editionLabel({ edition: 'v12', revisionNumber: null })).toBe('草稿');
    expect(editionLabel({ edition: 'r2-public-20250801', revisionNumber: null })).toBe(
      '公开版（第 2 版，2025年8月1日公开）',
    );
  });
});
