import { Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { CaseSummary } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/I18n';
import { beijingDate } from '../lib/time';

const ALERT_COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green' };

/** 我的办件: drafts to continue and submitted cases with their stage and deadlines. */
export default function MyCasesPage() {
  const { t } = useI18n();
  const [state, setState] = useState<'submitted' | 'draft'>('submitted');
  const { data, loading } = useLoad(() => api.get<CaseSummary[]>(`/api/cases?state=${state}`), state);

  return (
    <section aria-labelledby="my-cases-title">
      <Typography.Title level={3} id="my-cases-title">
        {t('menu.myCases')}
      </Typography.Title>
      <Tabs activeKey={state} onChange={(key) => setState(key as typeof state)} items={[{ key: 'submitted', label: t('cases.submitted') }, { key: 'draft', label: t('cases.drafts') }]} />
      <Table<CaseSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data ?? []}
        locale={{ emptyText: t('cases.empty') }}
        scroll={{ x: 640 }}
        columns={[
          {
            title: t('cases.number'),
            dataIndex: 'caseNumber',
            render: (number: string, kase) => <Link to={state === 'draft' ? `/my/cases/${kase.id}/edit` : `/cases/${kase.id}`}>{number}</Link>,
          },
          { title: t('cases.project'), render: (_, kase) => kase.basicInformation.projectName },
          { title: t('cases.stage'), dataIndex: 'stageName' },
          {
            title: t('cases.deadline'),
            render: (_, kase) => kase.deadlines?.promised && <Tag color={ALERT_COLOURS[kase.deadlines.alert ?? ''] ?? 'default'}>{beijingDate(kase.deadlines.promised)}</Tag>,
          },
        ]}
      />
    </section>
  );
}
