import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES, rulesOf, validateTemplate } from '@evalflow/domain';
import {
  addHeading,
  assignSection,
  moveHeading,
  outlinePath,
  projectBlocks,
  projectOutline,
  removeHeading,
  setIn,
  unassignedSections,
  usedSections,
} from './definition-edit';
import { changedSetting, groupOf } from './editor/rules-section';

const HEBEI = BUILTIN_TEMPLATES[0].definition;
const PROJECT = BUILTIN_TEMPLATES[2].definition;

describe('template editing', () => {
  it('sets a value deep inside a copy, leaving the original alone', () => {
    const changed = setIn(HEBEI, ['framework', 'level1', 0, 'weight'], '40');
    expect(changed.framework.level1[0].weight).toBe('40');
    expect(HEBEI.framework.level1[0].weight).toBe('50');
    expect(changed.outline).toBe(HEBEI.outline);
  });

  it('names a heading by its place the way the validation does', () => {
    expect(outlinePath([0, 1, 2]).join('.')).toBe('outline.0.children.1.children.2');
  });

  it('adds, moves and removes headings; a removed heading leaves its sections unassigned', () => {
    let outline = addHeading(HEBEI.outline, [0], '新的二级标题');
    expect(outline[0].children.map((n) => n.title)).toContain('新的二级标题');
    outline = moveHeading(outline, [4], -1);
    expect(outline[3].title).toBe('存在的问题及改进措施');
    expect(outline[4].title).toBe('评价结论和评价等级');
    outline = removeHeading(outline, [5]);
    expect(usedSections(outline)).not.toContain('team');
    expect(unassignedSections('department_overall', outline).map(([id]) => id)).toEqual(['team']);
    outline = assignSection(outline, [4], 'team');
    expect(outline[4].sections).toEqual(['conclusion', 'team']);
    expect(unassignedSections('department_overall', outline)).toEqual([]);
  });

  it('keeps a project table in the national order, leaving optional blocks out', () => {
    const blocks = projectBlocks(PROJECT).map((b) =>
      b.id === 'objectives' ? { ...b, included: false } : b.id === 'preparers' ? { ...b, title: '填表人' } : b,
    );
    const outline = projectOutline(blocks);
    expect(outline.map((n) => n.sections[0])).toEqual(['projectInfo', 'scoreTable', 'conclusion', 'preparers']);
    expect(outline[3].title).toBe('填表人');
    expect(validateTemplate({ ...PROJECT, outline }).ok).toBe(true);
  });

  it("drops a rule's setting that is the rule's default", () => {
    expect(changedSetting(undefined, { enabled: false })).toEqual({ enabled: false });
    expect(changedSetting({ enabled: false }, { enabled: true })).toBeUndefined();
    expect(changedSetting({ enabled: true, severity: 'error' }, { severity: undefined })).toBeUndefined();
    expect(changedSetting(undefined, { params: { threshold: '80' } })).toEqual({
      enabled: true,
      params: { threshold: '80' },
    });
  });

  it('lists every rule of each kind under a named group, the prose numbers under 正文中的数字', () => {
    for (const kind of ['department_overall', 'project'] as const) {
      expect(
        rulesOf(kind)
          .filter((r) => groupOf(r) === '其他')
          .map((r) => r.id),
      ).toEqual([]);
    }
    expect(
      rulesOf('project')
        .filter((r) => groupOf(r) === '正文中的数字')
        .map((r) => r.id),
    ).toEqual(['prose.budget-agree', 'prose.score-agree']);
  });
});
