import { createContext, useContext, type ReactNode } from 'react';
import type { TemplateDefinition } from '@evalflow/domain';
import type { ApiClient } from '../../../api/client';

/** What the editor's parts need beyond their own content: the report's template, and the API for pickers. */
export interface EditorEnvironment {
  /** The template the report pinned (its framework and scoring), or the kind's default. */
  template: TemplateDefinition;
  /** For the 指标库 picker; null where the editor has none (no picker offered). */
  api: ApiClient | null;
}

export const EditorEnvironmentContext = createContext<EditorEnvironment | null>(null);

export const useEditorEnvironment = () => useContext(EditorEnvironmentContext);

/**
 * What a part adds to its generic form (fields/field-labels.ts), by content path: under a field (应得
 * 38.00 beside a score, the 指标库 tag), above a list (the indicator framework), beside a list's 添加
 * button (从指标库选取).
 */
export interface FieldAddons {
  field?: (path: string) => ReactNode;
  listHeader?: (path: string) => ReactNode;
  listActions?: (path: string, rows: unknown[], onChange: (rows: unknown[]) => void) => ReactNode;
}

export const FieldAddonsContext = createContext<FieldAddons | null>(null);

export const useFieldAddons = () => useContext(FieldAddonsContext);
