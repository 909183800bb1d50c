import { CheckCircleFilled, CloseCircleFilled, EditOutlined } from '@ant-design/icons';
import { Card, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ReportPart } from '@evalflow/domain';
import { PART_STATE_LABELS, type PartState } from './calm-findings';

export interface OutlineEntry {
  part: ReportPart;
  /** The part's heading as the template numbers it. */
  title: string;
  state: PartState;
}

const STATE_TAGS: Record<PartState, { color: string; icon: ReactNode }> = {
  done: { color: 'success', icon: <CheckCircleFilled /> },
  todo: { color: 'default', icon: <EditOutlined /> },
  wrong: { color: 'error', icon: <CloseCircleFilled /> },
};

/** Brings a part into view and moves the keyboard there (its section takes focus). */
export function jumpToPart(part: ReportPart): void {
  const section = document.getElementById(`part-${part}`);
  if (!section) return;
  section.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  section.focus({ preventScroll: true });
}

/** 目录: each part of the report with its state (完成 / 待填 / 有误), a link to it. */
export function PartOutlineNav({ entries }: { entries: OutlineEntry[] }) {
  return (
    <nav aria-label="报告目录" data-outline="parts">
      <Card size="small" title="目录">
        <Flex component="ol" vertical gap={2} style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {entries.map((e) => {
            const tag = STATE_TAGS[e.state];
            return (
              <li key={e.part} data-part-state={e.state}>
                <Flex gap={8} align="center" justify="space-between">
                  <a
                    href={`#part-${e.part}`}
                    onClick={(event) => {
                      event.preventDefault();
                      jumpToPart(e.part);
                    }}
                  >
                    {e.title}
                  </a>
                  <Tag color={tag.color} icon={tag.icon} style={{ marginInlineEnd: 0 }}>
                    {PART_STATE_LABELS[e.state]}
                  </Tag>
                </Flex>
              </li>
            );
          })}
        </Flex>
      </Card>
    </nav>
  );
}
