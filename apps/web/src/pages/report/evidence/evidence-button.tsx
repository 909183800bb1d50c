import { PaperClipOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { filesOf, useEvidence } from './evidence-context';

/** 「佐证 (n)」 beside an indicator row: opens its files. Nothing outside a report page. */
export function EvidenceButton({ indicator }: { indicator: string }) {
  const state = useEvidence();
  if (!state) return null;
  const name = indicator.trim();
  const count = state.list ? filesOf(state.list, name).length : undefined;
  // in a span: not stretched to the width of the column it sits in
  return (
    <span>
      <Button
        size="small"
        icon={<PaperClipOutlined />}
        disabled={!name}
        title={name ? `「${name}」的佐证材料` : '请先填写三级指标'}
        data-evidence-indicator={name}
        onClick={() => state.open(name)}
      >
        {count === undefined ? '佐证' : `佐证 (${count})`}
      </Button>
    </span>
  );
}
