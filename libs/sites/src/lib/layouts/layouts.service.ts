import { Injectable } from '@nestjs/common';
import { AuditService } from '@switchboard/audit';
import { AuditAction, DomainException, ErrorCode, invalidField, LAYOUT_VARIABLES, type ChatLayout, type LayoutPreview, type Page } from '@switchboard/contracts';
import { containsPattern, direction, isUniqueViolation, pageOf, type PageQueryDto } from '@switchboard/db';
import { DataSource } from 'typeorm';
import { checkTemplate, LayoutProblem, renderLayout } from './layout-template';

type LayoutRow = Omit<ChatLayout, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

const SELECT = `select id, name, template, built_in as "builtIn", created_at as "createdAt", updated_at as "updatedAt" from chat_layouts`;

const notFound = () => new DomainException(ErrorCode.NotFound, 'Layout not found');

/** The template checked, or a 400 naming `template` with the line of the problem. */
function checked(template: string): string {
  try {
    checkTemplate(template);
    return template;
  } catch (error) {
    if (error instanceof LayoutProblem) throw invalidField('template', error.message);
    throw error;
  }
}

/**
 * Chat layouts (seed 003 "Web Chat Layouts Panel"): Handlebars frames of the chat box. A new
 * layout is a clone of an existing one; the built-in default is read-only.
 */
@Injectable()
export class LayoutsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: PageQueryDto): Promise<Page<ChatLayout>> {
    const where = query.q ? 'where name ilike $1' : '';
    const params = query.q ? [containsPattern(query.q)] : [];
    const [{ n }] = await this.dataSource.query(`select count(*)::int as n from chat_layouts ${where}`, params);
    const rows: LayoutRow[] = await this.dataSource.query(
      `${SELECT} ${where} order by built_in desc, lower(name) ${direction(query)}, id offset ${(query.page - 1) * query.pageSize} limit ${query.pageSize}`,
      params,
    );
    return pageOf(rows.map(toLayout), n as number, query);
  }

  async get(id: string): Promise<ChatLayout> {
    const [row] = await this.dataSource.query(`${SELECT} where id = $1`, [id]);
    if (!row) throw notFound();
    return toLayout(row as LayoutRow);
  }

  async clone(id: string, name: string): Promise<ChatLayout> {
    const source = await this.get(id);
    const [row] = await this.named(name, () => this.dataSource.query('insert into chat_layouts (name, template) values ($1, $2) returning id', [name, source.template]));
    const layout = await this.get((row as { id: string }).id);
    await this.audit.record({ action: AuditAction.LayoutSaved, target: targetOf(layout), details: { clonedFrom: source.name } });
    return layout;
  }

  async update(id: string, name: string, template: string): Promise<ChatLayout> {
    const before = await this.get(id);
    if (before.builtIn) throw new DomainException(ErrorCode.Conflict, 'The default layout cannot be changed: clone it and edit the copy');
    await this.named(name, () => this.dataSource.query('update chat_layouts set name = $2, template = $3, updated_at = now() where id = $1', [id, name, checked(template)]));
    const layout = await this.get(id);
    await this.audit.record({ action: AuditAction.LayoutSaved, target: targetOf(layout), details: { before: { name: before.name }, after: { name: layout.name }, templateChanged: before.template !== template } });
    return layout;
  }

  async remove(id: string): Promise<void> {
    const layout = await this.get(id);
    if (layout.builtIn) throw new DomainException(ErrorCode.Conflict, 'The default layout cannot be deleted');
    await this.dataSource.query('delete from chat_layouts where id = $1', [id]);
    await this.audit.record({ action: AuditAction.LayoutDeleted, target: targetOf(layout) });
  }

  /** A template rendered with sample values, as the widget would show it. */
  preview(template: string): LayoutPreview {
    return { html: renderLayout(checked(template), LAYOUT_VARIABLES) };
  }

  private async named<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainException(ErrorCode.Conflict, `A layout named "${name}" exists`, [{ field: 'name', messages: ['Already used by another layout'] }]);
      throw error;
    }
  }
}

function toLayout(row: LayoutRow): ChatLayout {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

const targetOf = (layout: ChatLayout) => ({ type: 'layout', id: layout.id, name: layout.name });
