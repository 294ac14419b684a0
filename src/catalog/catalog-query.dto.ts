import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { NumberedPageQueryDto } from '../common/page-query.js';
import { Trimmed } from '../common/trim.js';

/** Browsing and searching the catalogue: the matters (`GET /api/matters`) and the forms (`GET /api/forms`). */
export class CatalogQueryDto extends NumberedPageQueryDto {
  @ApiPropertyOptional({ description: '部门编码 Department code, as listed by GET /api/departments', example: 'SCJG' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'department must be a department code (1–32 letters, digits, - or _), as GET /api/departments lists them' })
  department?: string;

  @ApiPropertyOptional({ description: '关键词：名称的一部分或事项编码；以空格分隔的多个词须全部出现 Words of the name or the code; all must occur', example: '食品 许可' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 100, { message: 'q must be 1–100 characters of search text (not only spaces)' })
  q?: string;
}

/** One page of a listing, with the number of all that match. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
