import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** The page size of keyset-paginated lists. */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt({ message: '应为整数' })
  @Min(1, { message: '至少为 1' })
  @Max(200, { message: '不能超过 200' })
  limit?: number;
}
