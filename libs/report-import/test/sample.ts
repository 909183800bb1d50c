import { readFileSync } from 'fs';
import { join } from 'path';

/** The real 部门整体 report of 赵县总工会 (2024), as text copied from its PDF: every line followed by a blank line. */
export function zhaoxianSampleBytes(): Buffer {
  return readFileSync(join(__dirname, 'fixtures/zhaoxian-union-2024.txt'));
}
