import { useCallback, useState } from 'react';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Space, Typography, type TableColumnsType } from 'antd';
import type { IndicatorNature } from '@evalflow/domain';
import {
  exportLibrary,
  listLibrary,
  setLibraryEntryActive,
  type LibraryEntryView,
} from '../../api/indicator-library-api';
import { permissionsOf } from '../../auth/permissions';
import { useSession, useSignedIn } from '../../auth/session-context';
import { CursorTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useConfirmedUpdate } from '../../hooks/use-confirmed-update';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useFileExport } from '../../hooks/use-file-export';
import { useModalTarget } from '../../hooks/use-modal-target';
import { LibraryEntryDrawer } from './library-entry-drawer';
import { LibraryImportModal } from './library-import-modal';
import { Level1Filter, LibrarySearch } from './library-filters';
import { ActiveTag, NATURE_OPTIONS, NatureTag } from './library-labels';

/**
 * 指标库: the county's performance indicators, which departments pick into their 绩效自评表. Every
 * county user searches and exports it; the county administrator and the finance bureau also add,
 * edit, archive (停用) and restore entries, and import a workbook.
 */
export function IndicatorLibraryPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const canCurate = permissionsOf(ability, me).curateIndicatorLibrary;
  const confirmUpdate = useConfirmedUpdate();
  const [q, setQ] = useState('');
  const [level1, setLevel1] = useState<string>();
  const [nature, setNature] = useState<IndicatorNature>();
  const [withArchived, setWithArchived] = useState(false);
  const exportFile = useFileExport();
  const editor = useModalTarget<LibraryEntryView | 'new'>();
  const importer = useModalTarget<true>();

  const loadPage = useCallback(
    async (cursor: string | null, signal: AbortSignal) => {
      const filter = { q: q.trim() || undefined, level1, nature, active: withArchived ? ('all' as const) : undefined };
      const page = await listLibrary(session, filter, cursor, signal);
      return { items: page.items, next: page.nextCursor };
    },
    [session, q, level1, nature, withArchived],
  );
  const list = useCursorList<LibraryEntryView>(loadPage);

  const download = () => exportFile.run(() => exportLibrary(session), `${me.tenant?.name ?? ''}指标库.xlsx`);

  const toggleActive = (e: LibraryEntryView) =>
    confirmUpdate({
      title: e.active ? `停用「${e.level3}」？` : `恢复「${e.level3}」？`,
      content: e.active
        ? '停用后，填报时不再能选用该指标；已选用它的报告保留各自的内容，不受影响。'
        : '恢复后，填报时可以重新选用该指标。',
      okText: e.active ? '停用' : '恢复',
      danger: e.active,
      send: () => setLibraryEntryActive(session, e.id, e.version, !e.active),
      success: e.active ? `已停用「${e.level3}」` : `已恢复「${e.level3}」`,
      onSaved: list.upsert,
    });

  const columns: TableColumnsType<LibraryEntryView> = [
    { title: '一级指标', dataIndex: 'level1', width: 110 },
    { title: '二级指标', dataIndex: 'level2', width: 150 },
    {
      title: '三级指标',
      dataIndex: 'level3',
      width: 240,
      render: (v: string, e) => (
        <>
          <div>{v}</div>
          {e.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.note}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: '计量单位', dataIndex: 'unit', width: 90, render: (v: string) => v || '—' },
    {
      title: '指标性质',
      dataIndex: 'nature',
      width: 90,
      render: (n: IndicatorNature) => <NatureTag nature={n} />,
    },
    { title: '建议指标值', dataIndex: 'suggestedTarget', width: 130, render: (v: string) => v || '—' },
    {
      title: '佐证材料',
      dataIndex: 'suggestedEvidence',
      width: 180,
      ellipsis: true,
      render: (v: string) => v || '—',
    },
    { title: '状态', dataIndex: 'active', width: 80, render: (active: boolean) => <ActiveTag active={active} /> },
    { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => <DateTime value={v} /> },
  ];
  if (canCurate) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, e) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => editor.show(e)} aria-label={`编辑「${e.level3}」`}>
            编辑
          </Button>
          <Button
            type="link"
            size="small"
            danger={e.active}
            onClick={() => toggleActive(e)}
            aria-label={`${e.active ? '停用' : '恢复'}「${e.level3}」`}
          >
            {e.active ? '停用' : '恢复'}
          </Button>
        </Space>
      ),
    });
  }

  const filtered = q.trim() !== '' || level1 !== undefined || nature !== undefined;
  return (
    <>
      <PageHeader
        title="指标库"
        description={
          canCurate
            ? '维护本县（区）的绩效指标，供各部门填报绩效自评表时选用。停用的指标不再供选用，已选用它的报告不受影响。'
            : '本县（区）的绩效指标（只读），填报绩效自评表时可从中选用。'
        }
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exportFile.exporting} onClick={() => void download()}>
              导出
            </Button>
            {canCurate && (
              <Button icon={<UploadOutlined />} onClick={() => importer.show(true)}>
                导入
              </Button>
            )}
            {canCurate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show('new')}>
                新增指标
              </Button>
            )}
          </>
        }
      />
      <FilterBar onRefresh={list.reload}>
        <LibrarySearch onSearch={setQ} />
        <Level1Filter entries={list.items} value={level1} onChange={setLevel1} />
        <Select<IndicatorNature>
          allowClear
          placeholder="指标性质"
          aria-label="指标性质"
          value={nature}
          onChange={setNature}
          options={NATURE_OPTIONS}
          style={{ width: 190 }}
        />
        <Checkbox checked={withArchived} onChange={(e) => setWithArchived(e.target.checked)}>
          含已停用
        </Checkbox>
      </FilterBar>
      <CursorTable<LibraryEntryView>
        list={list}
        columns={columns}
        empty={
          filtered
            ? '没有符合条件的指标'
            : canCurate
              ? '指标库还是空的：点击「新增指标」或「导入」添加'
              : '指标库中暂无指标'
        }
        shown={(count) => `已显示 ${count} 条`}
        scroll={{ x: 1300 }}
      />
      {editor.target !== null && (
        <LibraryEntryDrawer
          entry={editor.target === 'new' ? undefined : editor.target}
          {...editor.dialog}
          onSaved={list.upsert}
        />
      )}
      {importer.target !== null && <LibraryImportModal api={session} {...importer.dialog} onImported={list.reload} />}
    </>
  );
}
