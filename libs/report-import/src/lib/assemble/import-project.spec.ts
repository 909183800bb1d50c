import { defaultTemplate, scoreSheetGrid, type ProjectReportContent, type ScoreSheetGrid } from '@evalflow/domain';
import { zhaoxianProvincialRelief2024 } from '@evalflow/samples';
import type { SourceCell, SourceTable } from '../source-document';
import { agreement } from './agreement.spec-helper';
import { importReport } from './import-report';

/** EvalFlow's own 项目支出绩效自评表 as a Word table: merges become spans, the places they cover `covered`. */
function asTable(grid: ScoreSheetGrid, index: number): SourceTable {
  const rows: SourceCell[][] = grid.rows.map((row) =>
    row.map((c) => ({ text: c?.value ?? '', colSpan: 1, rowSpan: 1, covered: false })),
  );
  for (const m of grid.merges) {
    rows[m.top - 1][m.left - 1] = {
      ...rows[m.top - 1][m.left - 1],
      colSpan: m.right - m.left + 1,
      rowSpan: m.bottom - m.top + 1,
    };
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) rows[r - 1][c - 1] = { text: '', colSpan: 1, rowSpan: 1, covered: true };
  }
  return { kind: 'table', index, rows };
}

function projectImport(code: string) {
  const project = zhaoxianProvincialRelief2024();
  const grid = scoreSheetGrid({
    kind: 'project',
    fiscalYear: 2024,
    departmentName: '赵县总工会',
    scoreTable: project.scoreTable,
    conclusion: project.conclusion,
    gradeLabel: '优秀',
    projectInfo: project.projectInfo,
    objectives: project.objectives,
    preparers: project.preparers,
  });
  const result = importReport({
    document: {
      format: 'docx',
      blocks: [{ kind: 'paragraph', index: 0, text: '附件：项目支出绩效自评表' }, asTable(grid, 1)],
    },
    kind: 'project',
    template: defaultTemplate('project'),
    fiscalYear: 2024,
    departmentName: '赵县总工会',
    project: { code, name: project.projectInfo.name },
  });
  return { project, result };
}

describe('importing a 项目支出绩效自评表', () => {
  it('gives back every field of EvalFlow’s own table: money, indicators, objectives, 总分, 等级, who filled it in', () => {
    const { project, result } = projectImport(zhaoxianProvincialRelief2024().projectInfo.code);
    const truth = {
      ...project,
      scoreTable: {
        ...project.scoreTable,
        indicators: project.scoreTable.indicators.map(({ libraryEntryId: _, ...i }) => i),
      },
    };
    const a = agreement(truth, result.content);
    expect(a.differ).toEqual([]);
    expect(a.right).toBe(a.total);
    expect(result.filledParts).toEqual(['projectInfo', 'objectives', 'scoreTable', 'conclusion', 'preparers']);
    expect(result.sources['preparers.filledOn']).toMatchObject({ block: 1, text: '填报日期：2025-04-15' });
    expect(result.sources['conclusion.grade']).toMatchObject({ block: 1, text: '评价等级：优秀' });
    // the line above the table is its caption
    expect(result.unplaced).toEqual([]);
  });

  it('keeps the report’s own project code and says so when the file names another', () => {
    const { result } = projectImport('13013324T000000099999');
    expect((result.content as ProjectReportContent).projectInfo.code).toBe('13013324T000000099999');
    expect(result.unplaced.map((u) => u.reason)).toContainEqual(expect.stringContaining('与本报告的项目编码不一致'));
  });
});
