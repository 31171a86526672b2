import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { Page } from '@switchboard/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** `?page&pageSize&q&order` of every list endpoint (each adds its own `sort`): pages count from 1, at most 200 items each. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 200, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize = 25;

  @ApiPropertyOptional({ description: 'Text to search for' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: String, enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

/** class-transformer's `@Transform` for names: surrounding spaces never count. */
export const trimString = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The SQL direction of `?order`. */
export function direction(query: PageQueryDto): 'ASC' | 'DESC' {
  return query.order === 'desc' ? 'DESC' : 'ASC';
}

export function pageOf<T>(items: T[], total: number, query: PageQueryDto): Page<T> {
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** Runs a query builder for the asked page and maps its rows (one count query, one page query). */
export async function fetchPage<E extends ObjectLiteral, T>(builder: SelectQueryBuilder<E>, query: PageQueryDto, map: (row: E) => T): Promise<Page<T>> {
  const [rows, total] = await builder
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  return pageOf(rows.map(map), total, query);
}

/** A LIKE pattern that matches `text` anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
