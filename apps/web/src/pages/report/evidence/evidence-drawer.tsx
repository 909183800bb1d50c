import { Button, Drawer, Flex, Spin, Typography } from 'antd';
import { LoadError } from '../../../components/load-error';
import { filesOf, useEvidence } from './evidence-context';
import { EvidenceFiles } from './evidence-files';
import { EvidenceUpload } from './evidence-upload';
import { EvidenceUsage } from './evidence-usage';
import { MoveSelect } from './move-select';

/**
 * The files of one indicator row, opened by its 「佐证」 button: preview and download for whoever may read
 * the report; upload, delete, and taking over files left unmatched by a renamed row while the report is editable.
 */
export function EvidenceDrawer({ indicator, onClose }: { indicator: string | undefined; onClose: () => void }) {
  const state = useEvidence();
  if (!state) return null;
  const { list, error, reload } = state;
  const files = indicator === undefined ? [] : filesOf(list, indicator);
  const editable = list?.editable ?? false;
  const unmatched = list?.items.filter((i) => !i.matched) ?? [];
  return (
    <Drawer
      open={indicator !== undefined}
      onClose={onClose}
      title={indicator === undefined ? '佐证材料' : `佐证材料：${indicator}`}
      size={760}
      destroyOnHidden
    >
      {indicator !== undefined &&
        (!list ? (
          error !== undefined ? (
            <LoadError title="佐证材料加载失败" error={error} onRetry={reload} />
          ) : (
            <Spin />
          )
        ) : (
          <Flex vertical gap={16}>
            <EvidenceUsage list={list} />
            {editable && <EvidenceUpload state={state} list={list} indicator={indicator} />}
            <EvidenceFiles
              state={state}
              items={files}
              editable={editable}
              label={`「${indicator}」的佐证材料`}
              empty={editable ? '本指标尚未上传佐证材料' : '本指标没有佐证材料'}
            />
            {editable && unmatched.length > 0 && (
              <section aria-label="未对应指标">
                <Typography.Title level={5}>未对应指标</Typography.Title>
                <Typography.Paragraph type="secondary">
                  这些文件所属的指标已改名或删除。可移到本指标，或移到其他指标。
                </Typography.Paragraph>
                <EvidenceFiles
                  state={state}
                  items={unmatched}
                  editable
                  label="未对应指标的佐证材料"
                  extra={(item, { move, busy }) => (
                    <>
                      <Button size="small" disabled={busy} onClick={() => move(item, indicator)}>
                        移到本指标
                      </Button>
                      <MoveSelect item={item} indicators={state.indicators} busy={busy} onMove={move} />
                    </>
                  )}
                />
              </section>
            )}
          </Flex>
        ))}
    </Drawer>
  );
}
