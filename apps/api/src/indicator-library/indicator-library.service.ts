import { Injectable } from '@nestjs/common';
import {
  AppError,
  checkLibraryEntry,
  countImportActions,
  ERROR_CATALOGUE,
  LIBRARY_IMPORT_MAX_ROWS,
  LIBRARY_MAX_ENTRIES,
  libraryEntryChanges,
  librarySheetRows,
  parseLibrarySheet,
  planLibraryImport,
  type AppAbility,
  type LibraryEntryFields,
  type LibraryEntryProblem,
  type LibraryImportResult,
  type LibraryImportRow,
} from '@evalflow/domain';
import {
  allLibraryEntries,
  countLibraryEntries,
  findLibraryEntriesByKeys,
  findLibraryEntry,
  findLibraryEntryByKey,
  insertLibraryEntry,
  listLibraryEntries,
  setLibraryEntryActive,
  TenantDb,
  updateLibraryEntry,
  upsertLibraryEntryByKey,
  type LibraryEntryRecord,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import type { SessionPrincipal } from '../auth/sessions.service';
import { mapUniqueViolation } from '../http/pg-errors';
import { versionMismatch } from '../http/versioning';
import type {
  CreateLibraryEntryDto,
  ImportMode,
  LibraryEntryDto,
  LibraryPageDto,
  ListLibraryQuery,
  UpdateLibraryEntryDto,
} from './indicator-library.dto';
import { decodeLibraryCursor, encodeLibraryCursor } from './library-cursor';
import { readLibraryWorkbook, writeLibraryWorkbook } from './library-workbook';

const SUBJECT = 'IndicatorLibrary';
const UNIQUE_KEYS = { indicator_library_key: 'LIBRARY_ENTRY_EXISTS' } as const;

function toView(r: LibraryEntryRecord): LibraryEntryDto {
  return {
    id: r.id,
    tenantId: r.tenantId,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    unit: r.unit,
    nature: r.nature,
    suggestedTarget: r.suggestedTarget,
    suggestedEvidence: r.suggestedEvidence,
    note: r.note,
    active: r.active,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const fieldsOf = (r: LibraryEntryRecord): LibraryEntryFields => ({
  level1: r.level1,
  level2: r.level2,
  level3: r.level3,
  unit: r.unit,
  nature: r.nature,
  suggestedTarget: r.suggestedTarget,
  suggestedEvidence: r.suggestedEvidence,
  note: r.note,
});

/** The domain's checks (after trimming: a name of spaces only is empty) as the validation pipe answers them. */
function invalidEntry(problems: LibraryEntryProblem[]): AppError {
  const details = problems.map((p) => ({ field: p.field, rule: 'libraryEntry', message: p.message }));
  return new AppError(
    'VALIDATION_FAILED',
    details,
    `${ERROR_CATALOGUE.VALIDATION_FAILED.message}：${details[0].field} ${details[0].message}`,
  );
}

/** Refuses what would take the county's 指标库 past LIBRARY_MAX_ENTRIES. */
async function assertRoomFor(tx: TenantTx, added: number): Promise<void> {
  if (added === 0) return;
  const held = await countLibraryEntries(tx);
  if (held + added > LIBRARY_MAX_ENTRIES) {
    throw new AppError(
      'LIBRARY_FULL',
      { max: LIBRARY_MAX_ENTRIES, held, added },
      `本县指标库已有 ${held} 条，再添加 ${added} 条将超过 ${LIBRARY_MAX_ENTRIES} 条的上限；本次未添加任何指标`,
    );
  }
}

function checked(input: object): LibraryEntryFields {
  const result = checkLibraryEntry(input);
  if (!result.ok) throw invalidEntry(result.problems);
  return result.entry;
}

/**
 * The county's 指标库: every county user reads it; the county's administrator and the finance bureau
 * curate it (create, edit, archive, restore, import). Entries are never deleted: reports link to them.
 */
@Injectable()
export class IndicatorLibraryService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(query: ListLibraryQuery): Promise<LibraryPageDto> {
    const limit = query.limit ?? 50;
    const active = query.active === 'all' ? 'all' : query.active !== 'false';
    return this.db.tx(async (tx) => {
      const rows = await listLibraryEntries(tx, {
        q: query.q,
        level1: query.level1?.trim() || undefined,
        nature: query.nature,
        active,
        after: query.cursor ? decodeLibraryCursor(query.cursor) : undefined,
        limit,
      });
      const last = rows[limit - 1];
      return {
        items: rows.slice(0, limit).map(toView),
        nextCursor: rows.length > limit ? encodeLibraryCursor(last) : null,
      };
    });
  }

  get(ability: AppAbility, id: string): Promise<LibraryEntryDto> {
    return this.db.tx(async (tx) => {
      const entry = await this.find(tx, id);
      assertCan(ability, 'read', SUBJECT, entry);
      return toView(entry);
    });
  }

  create(principal: SessionPrincipal, ability: AppAbility, dto: CreateLibraryEntryDto): Promise<LibraryEntryDto> {
    const tenantId = principal.tenantId as string;
    assertCan(ability, 'create', SUBJECT, { tenantId });
    const fields = checked(dto);
    return this.db.tx(async (tx) => {
      await assertRoomFor(tx, 1);
      const inserted = await insertLibraryEntry(tx, fields, principal.userId);
      if (!inserted.created) throw new AppError('LIBRARY_ENTRY_EXISTS', { existingId: inserted.existingId });
      await this.audit.record(tx, {
        tenantId,
        action: 'indicator_library.created',
        targetType: 'indicator_library',
        targetId: inserted.entry.id,
        details: { level1: fields.level1, level2: fields.level2, level3: fields.level3 },
      });
      return toView(inserted.entry);
    });
  }

  update(
    principal: SessionPrincipal,
    ability: AppAbility,
    id: string,
    expectedVersion: number,
    dto: UpdateLibraryEntryDto,
  ): Promise<LibraryEntryDto> {
    return this.db
      .tx(async (tx) => {
        const current = await this.find(tx, id, true);
        assertCan(ability, 'update', SUBJECT, current);
        if (current.version !== expectedVersion) throw versionMismatch(current.version, toView(current));
        const sent = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
        const next = checked({ ...fieldsOf(current), ...sent });
        const changed = libraryEntryChanges(fieldsOf(current), next);
        if (!changed.length) return toView(current); // nothing to change, nothing to audit
        if (changed.some((f) => f === 'level1' || f === 'level2' || f === 'level3')) {
          const holder = await findLibraryEntryByKey(tx, next);
          if (holder && holder.id !== id) throw new AppError('LIBRARY_ENTRY_EXISTS', { existingId: holder.id });
        }
        const updated = await updateLibraryEntry(tx, id, expectedVersion, next, principal.userId);
        if (!updated) throw versionMismatch(current.version, toView(current));
        await this.audit.record(tx, {
          tenantId: current.tenantId,
          action: 'indicator_library.updated',
          targetType: 'indicator_library',
          targetId: id,
          details: {
            changes: Object.fromEntries(changed.map((f) => [f, { from: current[f], to: next[f] }])),
          },
        });
        return toView(updated);
      })
      .catch((error) => mapUniqueViolation(error, UNIQUE_KEYS));
  }

  /** Archives (停用) or restores an entry; doing it to an entry already in that state changes nothing. */
  setActive(
    principal: SessionPrincipal,
    ability: AppAbility,
    id: string,
    expectedVersion: number,
    active: boolean,
  ): Promise<LibraryEntryDto> {
    return this.db.tx(async (tx) => {
      const current = await this.find(tx, id, true);
      assertCan(ability, 'update', SUBJECT, current);
      if (current.version !== expectedVersion) throw versionMismatch(current.version, toView(current));
      if (current.active === active) return toView(current);
      const updated = await setLibraryEntryActive(tx, id, expectedVersion, active, principal.userId);
      if (!updated) throw versionMismatch(current.version, toView(current));
      await this.audit.record(tx, {
        tenantId: current.tenantId,
        action: active ? 'indicator_library.restored' : 'indicator_library.archived',
        targetType: 'indicator_library',
        targetId: id,
        details: { level1: current.level1, level2: current.level2, level3: current.level3 },
      });
      return toView(updated);
    });
  }

  /** The county's active entries as an .xlsx workbook (sheet 指标库), named after the county. */
  async export(principal: SessionPrincipal): Promise<{ data: Buffer; fileName: string }> {
    const entries = await this.db.tx((tx) => allLibraryEntries(tx));
    const data = await writeLibraryWorkbook(librarySheetRows(entries.map(fieldsOf)));
    return { data, fileName: `${principal.tenantName ?? ''}指标库.xlsx` };
  }

  /**
   * An uploaded workbook, checked as a whole: `preview` answers what importing it would do and every
   * row's problems; `apply` imports it in one transaction, or nothing at all when any row is wrong.
   */
  async import(
    principal: SessionPrincipal,
    ability: AppAbility,
    body: unknown,
    mode: ImportMode,
  ): Promise<LibraryImportResult> {
    const tenantId = principal.tenantId as string;
    assertCan(ability, 'create', SUBJECT, { tenantId });
    assertCan(ability, 'update', SUBJECT, { tenantId });
    if (!Buffer.isBuffer(body)) throw new AppError('LIBRARY_FILE_TYPE');
    const sheet = parseLibrarySheet(await readLibraryWorkbook(body));
    if (sheet.dataRows > LIBRARY_IMPORT_MAX_ROWS) {
      throw new AppError(
        'LIBRARY_FILE_TOO_LARGE',
        { maxRows: LIBRARY_IMPORT_MAX_ROWS, rows: sheet.dataRows },
        `文件过大：一次最多导入 ${LIBRARY_IMPORT_MAX_ROWS} 行指标，本文件有 ${sheet.dataRows} 行`,
      );
    }
    return this.db.tx(async (tx) => {
      const plan = planLibraryImport(
        sheet.rows,
        await findLibraryEntriesByKeys(
          tx,
          sheet.rows.map((r) => r.entry),
        ),
      );
      if (mode === 'preview') {
        return { mode, rows: plan, errors: sheet.errors, counts: countImportActions(plan) };
      }
      if (sheet.errors.length) {
        throw new AppError(
          'LIBRARY_IMPORT_INVALID',
          { errors: sheet.errors },
          `导入文件中有 ${sheet.errors.length} 处错误，请按提示逐行改正后重新导入；本次未导入任何指标`,
        );
      }
      await assertRoomFor(tx, plan.filter((row) => row.action === 'create').length);
      const done = await this.applyPlan(tx, plan, principal.userId);
      const counts = countImportActions(done);
      await this.audit.record(tx, {
        tenantId,
        action: 'indicator_library.imported',
        targetType: 'indicator_library',
        details: { ...counts, rows: done.length },
      });
      return { mode, rows: done, errors: [], counts };
    });
  }

  /** Writes the plan's creates and updates by key; what each row actually did (another import may have come first). */
  private async applyPlan(tx: TenantTx, plan: LibraryImportRow[], userId: string): Promise<LibraryImportRow[]> {
    const done: LibraryImportRow[] = [];
    for (const row of plan) {
      if (row.action === 'unchanged') {
        done.push(row);
        continue;
      }
      const written = await upsertLibraryEntryByKey(tx, row.entry, userId);
      done.push({
        ...row,
        action: written.action,
        existingId: row.existingId ?? (written.action === 'create' ? null : written.id),
      });
    }
    return done;
  }

  private async find(tx: TenantTx, id: string, forUpdate = false): Promise<LibraryEntryRecord> {
    const entry = await findLibraryEntry(tx, id, { forUpdate });
    if (!entry) throw new AppError('LIBRARY_ENTRY_NOT_FOUND');
    return entry;
  }
}
