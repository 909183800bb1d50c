import { z } from 'zod';
import { MONEY_PATTERN, PERCENT_PATTERN, SCORE_PATTERN } from '../../money/decimal';

/**
 * The value types every report schema is made of. Amounts are strings of exact decimals in 万元 (a
 * JSON number is refused: it may already have lost digits); counts are whole numbers.
 */
export const text = (max: number) => z.string().max(max, { error: `不能超过 ${max} 个字符` });
export const money = z.string().regex(MONEY_PATTERN, { error: '应为金额（万元），最多 4 位小数，如 178.646' });
export const percent = z.string().regex(PERCENT_PATTERN, { error: '应为百分数，最多 2 位小数，如 -1.9' });
export const score = z.string().regex(SCORE_PATTERN, { error: '应为 0–100 的分数，最多 2 位小数' });
export const count = z
  .number({ error: '应为整数' })
  .int({ error: '应为整数' })
  .min(0, { error: '不能为负数' })
  .max(1_000_000);
export const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: `最多 ${max} 项` });
