/**
 * A generated county year for the exports' tests and bench: `departments` departments, each with a 部门整体
 * report and four 项目支出 tables of `fiscalYear` in every status, each with a scoreTable of `indicators`
 * indicator rows (some reports have none, one has no table at all) — decimals with two, one and no
 * decimals, empty notes, qualitative rows without 分值. Plain statements, so the bench can run them too.
 */
export interface CountyYearOptions {
  tenantId: string;
  fiscalYear: number;
  departments: number;
  indicators: number;
  /** department names start with it (they sort by their zero-padded number) */
  prefix?: string;
}

export interface Statement {
  sql: string;
  params: unknown[];
}

const FUNDING_COLUMNS = `jsonb_build_object('initialBudget', '100.5', 'adjustedBudget', '120', 'executed', '110.25')`;
const EMPTY_COLUMNS = `jsonb_build_object('initialBudget', NULL, 'adjustedBudget', NULL, 'executed', NULL)`;

export function countyYearStatements(o: CountyYearOptions): Statement[] {
  const prefix = o.prefix ?? '生成县第';
  return [
    {
      sql: `INSERT INTO departments (tenant_id, name, kind)
            SELECT $1, $3 || lpad(g::text, 3, '0') || '局', 'budget_department' FROM generate_series(1, $2) g`,
      params: [o.tenantId, o.departments, prefix],
    },
    {
      sql: `WITH d AS (SELECT id, substring(name from length($3) + 1 for 3)::int AS n FROM departments
                        WHERE tenant_id = $1 AND name LIKE $3 || '%局'),
                 t AS (SELECT DISTINCT ON (tp.kind) tp.kind, v.id FROM report_template_versions v
                         JOIN report_templates tp ON tp.id = v.template_id WHERE v.tenant_id IS NULL
                        ORDER BY tp.kind, v.version)
            INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, project_code, project_name, status,
                                 schema_version, template_version_id)
            SELECT $1, d.id, $2, CASE WHEN k = 0 THEN 'department_overall' ELSE 'project' END,
                   CASE WHEN k = 0 THEN NULL ELSE 'GEN-' || lpad(d.n::text, 3, '0') || '-' || k END,
                   CASE WHEN k = 0 THEN NULL ELSE '生成项目' || k END,
                   (ARRAY['draft', 'submitted', 'in_review', 'returned', 'approved'])[1 + (d.n + k) % 5],
                   CASE WHEN k = 0 THEN 2 ELSE 1 END, t.id
              FROM d CROSS JOIN generate_series(0, 4) k
              JOIN t ON t.kind = CASE WHEN k = 0 THEN 'department_overall' ELSE 'project' END`,
      params: [o.tenantId, o.fiscalYear, prefix],
    },
    {
      sql: `WITH r AS (SELECT r.id, r.tenant_id, substring(d.name from length($4) + 1 for 3)::int AS n,
                              COALESCE(right(r.project_code, 1)::int, 0) AS k
                         FROM reports r JOIN departments d ON d.id = r.department_id
                        WHERE r.tenant_id = $1 AND r.fiscal_year = $2 AND d.name LIKE $4 || '%局')
            INSERT INTO report_parts (report_id, tenant_id, part, content)
            SELECT r.id, r.tenant_id, 'scoreTable', jsonb_build_object(
                     'funding', jsonb_build_object(
                       'total', ${FUNDING_COLUMNS}, 'currentYearAppropriation', ${FUNDING_COLUMNS},
                       'carryover', ${EMPTY_COLUMNS}, 'other', ${EMPTY_COLUMNS},
                       'executionRate', '91.87', 'weight', '10', 'score', '9.19', 'deviationNote', ''),
                     'indicators', COALESCE((
                       SELECT jsonb_agg(jsonb_build_object(
                                'level1', (ARRAY['产出指标', '效益指标', '满意度指标'])[1 + i % 3],
                                'level2', (ARRAY['数量指标', '质量指标', '时效指标', '社会效益指标'])[1 + (i + r.k) % 4],
                                'level3', '第' || r.n || '局指标' || r.k || '-' || i,
                                'nature', nature,
                                'target', (10 * i)::text,
                                'unit', (ARRAY['人', '%', '件', '天'])[1 + i % 4],
                                'actual', (10 * i + r.n % 3)::text,
                                'weight', weight,
                                'score', CASE WHEN weight IS NULL THEN NULL
                                              WHEN i % 3 = 0 THEN round(((r.n * 13 + i * 7) % 500)::numeric / 100, 1)::text
                                              ELSE round(((r.n * 13 + i * 7) % 500)::numeric / 100, 2)::text END,
                                'deviationNote', CASE WHEN i % 4 = 0 THEN '' ELSE '偏差原因' || i || '：按计划完成' END,
                                'evidence', '佐证材料' || r.n || '-' || i) ORDER BY i)
                         FROM generate_series(1, $3) i,
                              LATERAL (SELECT (ARRAY['>=', '<=', '=', 'qualitative'])[1 + (r.n + i) % 4] AS nature) nat,
                              LATERAL (SELECT CASE WHEN nature = 'qualitative' AND i % 2 = 0 THEN NULL
                                                   WHEN i % 2 = 0 THEN '10.00' WHEN i % 3 = 0 THEN '7.5'
                                                   ELSE '5' END AS weight) w
                        WHERE (r.n + r.k) % 9 <> 0), '[]'::jsonb))
              FROM r
             WHERE NOT (r.n = 1 AND r.k = 4)`,
      params: [o.tenantId, o.fiscalYear, o.indicators, prefix],
    },
  ];
}
