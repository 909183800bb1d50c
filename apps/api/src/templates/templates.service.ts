import { Injectable } from '@nestjs/common';
import {
  AppError,
  validateTemplate,
  type AppAbility,
  type Principal,
  type ReportKind,
  type TemplateDefinition,
} from '@evalflow/domain';
import {
  findTemplate,
  findTemplateVersion,
  insertTemplate,
  insertTemplateVersion,
  listPublications,
  listTemplates,
  listTemplateVersions,
  publishForYear,
  saveTemplateDraft,
  tenantOf,
  TenantDb,
  type PublicationRecord,
  type TemplateRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { assertFiscalYearNotLater } from '../http/fiscal-year';
import { versionMismatch } from '../http/versioning';
import type {
  CopyTemplateDto,
  PublicationView,
  PublishDto,
  PublishResultView,
  TemplateDetailView,
  TemplateSummaryView,
  TemplateVersionView,
} from './templates.dto';

/** Templates a county keeps at most: each year's notice is a new version of one, not a new template. */
export const COUNTY_TEMPLATES_MAX = 50;

/** The If-Match version of a template's draft: 0 while it has none. */
export function draftEtag(t: Pick<TemplateRecord, 'draft' | 'draftVersion'>): number {
  return t.draft === null ? 0 : t.draftVersion;
}

/** The definition as the county may publish it, or 400 naming every field that is wrong. */
export function validDefinition(input: unknown): TemplateDefinition {
  const result = validateTemplate(input);
  if (!result.ok) {
    const first = result.problems[0];
    throw new AppError(
      'TEMPLATE_INVALID',
      { problems: result.problems },
      `模板设置不正确：${first.path ? `${first.path}：` : ''}${first.message}${result.problems.length > 1 ? ` 等 ${result.problems.length} 处` : ''}`,
    );
  }
  return result.definition;
}

function publicationView(p: PublicationRecord): PublicationView {
  return {
    fiscalYear: p.fiscalYear,
    kind: p.kind,
    templateId: p.templateId,
    versionId: p.templateVersionId,
    version: p.version,
    name: p.name,
    publishedAt: p.publishedAt.toISOString(),
    reports: p.reports,
  };
}

/**
 * The county's forms: built-ins every county reads, the county's own copies with a draft being edited
 * and frozen versions, and which version new reports of a year follow. Reports pin a version when they
 * are created, so publishing never changes a report that exists.
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(kind?: ReportKind): Promise<TemplateSummaryView[]> {
    return this.db.tx(async (tx) => {
      const [templates, publications] = await Promise.all([listTemplates(tx, kind), listPublications(tx)]);
      return Promise.all(templates.map((t) => this.summary(tx, t, publications)));
    });
  }

  get(id: string): Promise<TemplateDetailView> {
    return this.db.tx(async (tx) => this.detail(tx, await this.requireTemplate(tx, id)));
  }

  version(versionId: string): Promise<TemplateVersionView> {
    return this.db.tx(async (tx) => {
      const v = await findTemplateVersion(tx, versionId);
      if (!v) throw new AppError('TEMPLATE_NOT_FOUND');
      return {
        id: v.id,
        templateId: v.templateId,
        version: v.version,
        name: v.name,
        kind: v.kind,
        builtin: v.tenantId === null,
        definition: v.definition,
      };
    });
  }

  publications(fiscalYear?: number): Promise<PublicationView[]> {
    return this.db.tx(async (tx) => (await listPublications(tx, fiscalYear)).map(publicationView));
  }

  copy(principal: Principal, ability: AppAbility, dto: CopyTemplateDto): Promise<TemplateDetailView> {
    return this.db.tx(async (tx) => {
      assertCan(ability, 'create', 'ReportTemplate', { tenantId: tenantOf(tx) });
      const own = (await listTemplates(tx)).filter((t) => t.tenantId !== null).length;
      if (own >= COUNTY_TEMPLATES_MAX) throw new AppError('TEMPLATE_LIMIT_REACHED', { max: COUNTY_TEMPLATES_MAX });
      const source = await findTemplateVersion(tx, dto.sourceVersionId);
      if (!source) throw new AppError('TEMPLATE_NOT_FOUND', undefined, '要复制的模板版本不存在');
      const name = dto.name.trim();
      const id = await insertTemplate(tx, {
        name,
        kind: source.kind,
        basedOn: source.id,
        draft: { ...source.definition, name },
        userId: principal.userId,
      });
      await this.audit.record(tx, {
        tenantId: tenantOf(tx),
        action: 'template.created',
        targetType: 'template',
        targetId: id,
        details: { name, kind: source.kind, basedOn: { templateId: source.templateId, version: source.version } },
      });
      return this.detail(tx, await this.requireTemplate(tx, id));
    });
  }

  saveDraft(
    principal: Principal,
    ability: AppAbility,
    id: string,
    ifMatch: number,
    input: unknown,
  ): Promise<TemplateDetailView> {
    return this.db.tx(async (tx) => {
      const template = await this.editable(tx, ability, id);
      if (draftEtag(template) !== ifMatch) throw versionMismatch(draftEtag(template), await this.detail(tx, template));
      const definition = validDefinition(input);
      if (definition.kind !== template.kind) throw new AppError('TEMPLATE_KIND_MISMATCH', { kind: template.kind });
      const saved = await saveTemplateDraft(tx, id, template.draftVersion, definition, principal.userId);
      if (saved === null) throw versionMismatch(draftEtag(template), await this.detail(tx, template));
      return this.detail(tx, await this.requireTemplate(tx, id));
    });
  }

  discardDraft(principal: Principal, ability: AppAbility, id: string, ifMatch: number): Promise<TemplateDetailView> {
    return this.db.tx(async (tx) => {
      const template = await this.editable(tx, ability, id);
      if (template.draft === null) throw new AppError('TEMPLATE_NO_DRAFT');
      if (draftEtag(template) !== ifMatch) throw versionMismatch(draftEtag(template), await this.detail(tx, template));
      await saveTemplateDraft(tx, id, template.draftVersion, null, principal.userId);
      await this.audit.record(tx, {
        tenantId: tenantOf(tx),
        action: 'template.draft_discarded',
        targetType: 'template',
        targetId: id,
        details: { name: template.name },
      });
      return this.detail(tx, await this.requireTemplate(tx, id));
    });
  }

  /**
   * Freezes the draft as the template's next version (or takes a version it has) and makes it the one
   * new reports of the year follow. Reports of the year already created keep the version they pinned.
   */
  publish(
    principal: Principal,
    ability: AppAbility,
    id: string,
    ifMatch: number,
    dto: PublishDto,
  ): Promise<PublishResultView> {
    assertFiscalYearNotLater(dto.fiscalYear);
    return this.db.tx(async (tx) => {
      const template = await this.requireTemplate(tx, id, true);
      assertCan(ability, 'update', 'ReportTemplate', { tenantId: tenantOf(tx) });
      let versionId: string;
      let version: number;
      if (dto.versionId) {
        const chosen = await findTemplateVersion(tx, dto.versionId);
        if (!chosen || chosen.templateId !== id)
          throw new AppError('TEMPLATE_NOT_FOUND', undefined, '模板没有这一版本');
        [versionId, version] = [chosen.id, chosen.version];
      } else {
        if (template.tenantId === null) throw new AppError('TEMPLATE_BUILTIN_READONLY');
        if (template.draft === null) throw new AppError('TEMPLATE_NO_DRAFT');
        if (draftEtag(template) !== ifMatch) {
          throw versionMismatch(draftEtag(template), await this.detail(tx, template));
        }
        // what was valid when saved is checked again: the rules' parameters may have changed since
        const definition = validDefinition(template.draft);
        version = (template.latestVersion ?? 0) + 1;
        versionId = await insertTemplateVersion(tx, { templateId: id, version, definition, userId: principal.userId });
        await saveTemplateDraft(tx, id, template.draftVersion, null, principal.userId);
      }
      await publishForYear(tx, {
        fiscalYear: dto.fiscalYear,
        kind: template.kind,
        templateVersionId: versionId,
        userId: principal.userId,
      });
      const publication = (await listPublications(tx, dto.fiscalYear)).find((p) => p.kind === template.kind);
      if (!publication) throw new Error('publication not found after publishing');
      await this.audit.record(tx, {
        tenantId: tenantOf(tx),
        action: 'template.published',
        targetType: 'template',
        targetId: id,
        details: {
          name: template.name,
          version,
          fiscalYear: dto.fiscalYear,
          kind: template.kind,
          existingReports: publication.reports,
        },
      });
      const published = await findTemplateVersion(tx, versionId);
      return {
        version: { id: versionId, version, publishedAt: (published?.publishedAt ?? new Date()).toISOString() },
        publication: publicationView(publication),
        existingReports: publication.reports,
      };
    });
  }

  private async requireTemplate(tx: TenantTx, id: string, forUpdate = false): Promise<TemplateRecord> {
    const template = await findTemplate(tx, id, { forUpdate });
    if (!template) throw new AppError('TEMPLATE_NOT_FOUND');
    return template;
  }

  /** A county template the caller may change (locked for the rest of the transaction); built-ins are read-only. */
  private async editable(tx: TenantTx, ability: AppAbility, id: string): Promise<TemplateRecord> {
    const template = await this.requireTemplate(tx, id, true);
    assertCan(ability, 'update', 'ReportTemplate', { tenantId: tenantOf(tx) });
    if (template.tenantId === null) throw new AppError('TEMPLATE_BUILTIN_READONLY');
    return template;
  }

  private async summary(
    tx: TenantTx,
    t: TemplateRecord,
    publications: PublicationRecord[],
  ): Promise<TemplateSummaryView> {
    const latest = t.latestVersionId ? await findTemplateVersion(tx, t.latestVersionId) : null;
    return {
      id: t.id,
      kind: t.kind,
      name: t.name,
      builtin: t.tenantId === null,
      basedOn: t.basedOn,
      latestVersion: latest && {
        id: latest.id,
        version: latest.version,
        publishedAt: latest.publishedAt.toISOString(),
      },
      draft: t.draft === null ? null : { version: t.draftVersion, updatedAt: t.draftUpdatedAt?.toISOString() ?? null },
      publications: publications
        .filter((p) => p.templateId === t.id)
        .map((p) => ({ fiscalYear: p.fiscalYear, versionId: p.templateVersionId, version: p.version })),
    };
  }

  private async detail(tx: TenantTx, t: TemplateRecord): Promise<TemplateDetailView> {
    const [summary, versions] = await Promise.all([
      this.summary(tx, t, await listPublications(tx)),
      listTemplateVersions(tx, t.id),
    ]);
    const latest = t.latestVersionId ? await findTemplateVersion(tx, t.latestVersionId) : null;
    return {
      ...summary,
      versions: versions.map((v) => ({
        id: v.id,
        version: v.version,
        publishedAt: v.publishedAt.toISOString(),
        reports: v.reports,
      })),
      draftDefinition: t.draft,
      latestDefinition: latest?.definition ?? null,
    };
  }
}
