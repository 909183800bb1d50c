import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONTENT_SCHEMAS, type ReportKind } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';

/**
 * The import corpus's ground truth (test/fixtures/import/*.json, written by hand) is itself checked: every
 * path names a field of its kind's schema, every value is of that field's shape (money as an exact decimal
 * string in 万元, counts as whole numbers, enums from their lists), and the sample's entries are still the
 * sample. A fact that could never be filled would make the bench's recall a lie.
 */
const ROOT = join(__dirname, '../../../..');
const CORPUS = join(ROOT, 'test/fixtures/import');
const KINDS: ReportKind[] = ['department_overall', 'project'];

interface CorpusEntry {
  document: string;
  kind: ReportKind;
  source: string;
  province: string;
  fiscalYear: number;
  notes: string;
  /** Added after the importer's rules were written and never used to develop them: the out-of-sample set. */
  heldOut?: boolean;
  facts: Record<string, string | number>;
  /** The sample's values its document does not print, each with why: not facts of that document. */
  notStated?: Record<string, string>;
}

const entries = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(join(CORPUS, f), 'utf8')) as CorpusEntry] as const);

/** The schema of the value at `path` in a content of `kind`, or null when the schema has no such field. */
function schemaAt(kind: ReportKind, path: string): z.ZodType | null {
  let schema: z.ZodType = CONTENT_SCHEMAS[kind];
  for (const segment of path.split('.')) {
    while (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (schema instanceof z.ZodArray) {
      if (!/^\d+$/.test(segment)) return null;
      schema = schema.element as z.ZodType;
    } else if (schema instanceof z.ZodObject) {
      const field = (schema.shape as Record<string, z.ZodType>)[segment];
      if (!field) return null;
      schema = field;
    } else return null;
  }
  while (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject || schema instanceof z.ZodArray ? null : schema;
}

function flatten(value: unknown, prefix: string, out: Record<string, unknown>): Record<string, unknown> {
  if (value === null || value === undefined || value === '') return out;
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}.${i}`, out));
  else if (typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix] = value;
  return out;
}

describe('the import corpus (test/fixtures/import)', () => {
  it('has at least 8 public reports of both kinds from several provinces, plus the sample and its DOCX', () => {
    const real = entries.filter(([f, e]) => !f.startsWith('zhaoxian-union') && !e.heldOut);
    expect(real.length).toBeGreaterThanOrEqual(8);
    expect(new Set(real.map(([, e]) => e.kind))).toEqual(new Set(KINDS));
    expect(new Set(real.map(([, e]) => e.province)).size).toBeGreaterThanOrEqual(3);
    expect(entries.map(([, e]) => e.document)).toEqual(
      expect.arrayContaining([
        'test/fixtures/import/zhaoxian-union-2024.txt',
        'libs/report-import/src/test/fixtures/zhaoxian-union-2024.docx',
      ]),
    );
  });

  it('holds out at least 3 further public reports of both kinds, the sample never among them', () => {
    const heldOut = entries.filter(([, e]) => e.heldOut !== undefined);
    // the flag is true or absent: a false one would read as held out to a careless filter
    expect(heldOut.map(([, e]) => e.heldOut)).toEqual(heldOut.map(() => true));
    expect(heldOut.length).toBeGreaterThanOrEqual(3);
    expect(new Set(heldOut.map(([, e]) => e.kind))).toEqual(new Set(KINDS));
    expect(heldOut.filter(([f]) => f.startsWith('zhaoxian-union'))).toEqual([]);
  });

  it('gives each .txt a JSON of facts, and each .txt names its source on its first line', () => {
    const texts = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
    const documents = entries.map(([, e]) => e.document);
    for (const text of texts) {
      expect(documents).toContain(`test/fixtures/import/${text}`);
      expect(readFileSync(join(CORPUS, text), 'utf8').split('\n')[0]).toMatch(/^# source: \S+.* · province: \S+/);
    }
  });

  describe.each(entries)('%s', (_file, entry) => {
    it('is well formed: its document exists, a kind, a source, a province, a year and facts', () => {
      expect(existsSync(join(ROOT, entry.document))).toBe(true);
      expect(KINDS).toContain(entry.kind);
      expect(entry.source).toEqual(expect.any(String));
      expect(entry.province).toMatch(/省$/);
      expect(entry.fiscalYear).toBeGreaterThanOrEqual(2015);
      expect(Object.keys(entry.facts).length).toBeGreaterThan(0);
    });

    it('names only fields of its kind’s schema, each value of the field’s shape', () => {
      const problems: string[] = [];
      for (const [path, value] of Object.entries(entry.facts)) {
        const schema = schemaAt(entry.kind, path);
        if (!schema) problems.push(`${path}: no such field in a ${entry.kind} report`);
        else if (!schema.safeParse(value).success)
          problems.push(`${path}: ${JSON.stringify(value)} is not of its shape`);
        else if (value === '') problems.push(`${path}: an empty value is not a fact`);
      }
      expect(problems).toEqual([]);
    });

    it('writes decimals without trailing zeros (251.89, not 251.890), as the bench compares them', () => {
      const padded = Object.entries(entry.facts).filter(([, v]) => typeof v === 'string' && /^-?\d+\.\d*0$/.test(v));
      expect(padded).toEqual([]);
    });
  });

  it('keeps the sample’s entries equal to ZHAOXIAN_UNION_2024 (the text without its 绩效自评表, the DOCX whole)', () => {
    const facts = flatten(ZHAOXIAN_UNION_2024, '', {});
    delete facts['kind'];
    delete facts['schemaVersion'];
    const canonical = Object.fromEntries(
      Object.entries(facts).map(([k, v]) => [
        k,
        typeof v === 'string' && /^-?\d+\.\d+$/.test(v) ? v.replace(/\.?0+$/, '') : v,
      ]),
    );
    // a value the document does not print counts as the sample's, not as the document's fact
    const stated = (e: CorpusEntry) => ({
      ...e.facts,
      ...Object.fromEntries(Object.keys(e.notStated ?? {}).map((k) => [k, canonical[k]])),
    });
    const byDocument = Object.fromEntries(entries.map(([, e]) => [e.document, stated(e)]));
    expect(byDocument['libs/report-import/src/test/fixtures/zhaoxian-union-2024.docx']).toEqual(canonical);
    expect(byDocument['test/fixtures/import/zhaoxian-union-2024.txt']).toEqual(
      Object.fromEntries(Object.entries(canonical).filter(([k]) => !k.startsWith('scoreTable.'))),
    );
  });

  it('says why each value left out of a document is not stated there, and leaves out only what is not printed', () => {
    for (const [, entry] of entries) {
      for (const [path, why] of Object.entries(entry.notStated ?? {})) {
        expect([path, why.length > 10]).toEqual([path, true]);
        expect(entry.facts[path]).toBeUndefined();
      }
    }
    // what the sample's DOCX leaves out: last year's assets (the sample never writes them) and 佐证材料
    // (this county's 绩效自评表 has no such column); nothing else
    const docx = entries.find(([f]) => f === 'zhaoxian-union-2024-docx.json')?.[1];
    expect(
      Object.keys(docx?.notStated ?? {}).every((p) =>
        /^(basicInfo\.assets\.previous\.|scoreTable\.indicators\.\d+\.evidence$)/.test(p),
      ),
    ).toBe(true);
  });
});
