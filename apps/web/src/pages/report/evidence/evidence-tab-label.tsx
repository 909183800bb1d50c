import { Flex, Typography } from 'antd';
import { useEvidence } from './evidence-context';

/** 「佐证材料 (n)」 as the tab's label, once the list is in. */
export function EvidenceTabLabel() {
  const list = useEvidence()?.list;
  return (
    <Flex gap={6} align="center" component="span">
      佐证材料
      {list && list.items.length > 0 && <Typography.Text type="secondary">({list.items.length})</Typography.Text>}
    </Flex>
  );
}
