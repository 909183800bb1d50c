import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query strings carry text: a string of digits becomes a number; anything else stays, for the validator to refuse. */
export const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** The page size of keyset-paginated lists. */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Transform(toInteger)
  @IsInt({ message: '应为整数' })
  @Min(1, { message: '至少为 1' })
  @Max(200, { message: '不能超过 200' })
  limit?: number;
}
