import { Card, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { MATTER_STATUS_NAMES, STATUS_COLOURS } from '../../lib/matter-form';

interface BoundMatter {
  id: string;
  code: string;
  name: string;
  status: string;
  department: { code: string; name: string };
  activeVersion: number | null;
}

/** 使用该流程的事项: every matter bound to the process, whatever its status, and the version its new cases take. */
export function ProcessMattersCard({ processKey, reloadKey }: { processKey: string; reloadKey: string }) {
  const { t, lang } = useI18n();
  const matters = useLoad(() => api.get<BoundMatter[]>(`/api/processes/${encodeURIComponent(processKey)}/matters`), `${processKey}/${reloadKey}`);
  return (
    <Card title={t('design.matters')} size="small" style={{ marginTop: 16 }}>
      <Table<BoundMatter>
        rowKey="id"
        size="small"
        loading={matters.loading}
        pagination={false}
        dataSource={matters.data ?? []}
        locale={{ emptyText: t('design.noMatters') }}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('board.matter'), dataIndex: 'name' },
          { title: t('board.department'), dataIndex: 'department', render: (department: BoundMatter['department']) => `${department.code} ${department.name}` },
          {
            title: t('admin.status'),
            dataIndex: 'status',
            render: (status: string) => <Tag color={STATUS_COLOURS[status]} data-status={status}>{MATTER_STATUS_NAMES[status]?.[lang === 'zh' ? 0 : 1] ?? status}</Tag>,
          },
          { title: t('design.newCasesTake'), dataIndex: 'activeVersion', render: (version: number | null) => (version ? `v${version}` : '—') },
        ]}
      />
    </Card>
  );
}
