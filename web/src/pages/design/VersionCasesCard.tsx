import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { CasePosition } from '../../components/CasePosition';
import { useI18n } from '../../i18n/I18n';
import { beijingTime } from '../../lib/time';

interface RunningCase {
  caseId: string;
  caseNumber: string;
  matterName: string;
  stage: string;
  stageName: string;
  createdAt: string;
  waitingAt: string[];
}

const PAGE_SIZE = 10;

/** 运行中的办件: the open cases on one version, newest first; the one clicked is drawn on its diagram where it stands. */
export function VersionCasesCard({ processKey, version }: { processKey: string; version: number }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<RunningCase | null>(null);
  const path = `/api/processes/${encodeURIComponent(processKey)}/versions/${version}/cases?page=${page}&pageSize=${PAGE_SIZE}`;
  const cases = useLoad(() => api.get<Page<RunningCase>>(path), path);
  return (
    <Card title={t('design.runningCases', { key: processKey, version })} size="small" style={{ marginTop: 16 }}>
      <Table<RunningCase>
        rowKey="caseId"
        size="small"
        loading={cases.loading}
        dataSource={cases.data?.items ?? []}
        locale={{ emptyText: t('design.noRunningCases') }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: cases.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        onRow={(kase) => ({ onClick: () => setChosen(kase), style: { cursor: 'pointer' } })}
        rowClassName={(kase) => (kase.caseId === chosen?.caseId ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('board.caseNumber'), dataIndex: 'caseNumber', render: (caseNumber: string) => <a role="button">{caseNumber}</a> },
          { title: t('board.matter'), dataIndex: 'matterName' },
          { title: t('board.stage'), dataIndex: 'stageName' },
          { title: t('design.waitingAt'), dataIndex: 'waitingAt', render: (ids: string[]) => ids.map((id) => <Tag key={id}>{id}</Tag>) },
          { title: t('design.started'), dataIndex: 'createdAt', render: beijingTime },
        ]}
      />
      {chosen && <CasePosition key={chosen.caseId} caseId={chosen.caseId} stage={chosen.stage} caseNumber={chosen.caseNumber} />}
    </Card>
  );
}
