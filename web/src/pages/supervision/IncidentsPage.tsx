import { App, Button, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import { beijingTime } from '../../lib/time';

interface Incident {
  id: string;
  caseId: string;
  caseNumber: string;
  stageName: string;
  name: string | null;
  handler: string;
  retries: number;
  lastError: string | null;
  failedAt: string;
}

/** 异常处理: automatic steps whose handler kept failing, each retried as a new job. */
export default function IncidentsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const incidents = useLoad(() => api.get<Incident[]>('/api/incidents'), 'incidents');

  const retry = async (incident: Incident) => {
    try {
      await api.post(`/api/incidents/${incident.id}/retry`);
      void message.success(t('incidents.retried'));
      incidents.reload();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <section aria-labelledby="incidents-title">
      <Typography.Title level={3} id="incidents-title">
        {t('menu.incidents')}
      </Typography.Title>
      <Button onClick={incidents.reload} style={{ marginBottom: 16 }}>
        {t('common.refresh')}
      </Button>
      <Table<Incident>
        rowKey="id"
        size="small"
        loading={incidents.loading}
        dataSource={incidents.data ?? []}
        locale={{ emptyText: t('incidents.empty') }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('incidents.case'), dataIndex: 'caseNumber', render: (number: string, incident) => <Link to={`/cases/${incident.caseId}`}>{number}</Link> },
          { title: t('incidents.step'), render: (_, incident) => incident.name ?? incident.stageName },
          { title: t('incidents.handler'), dataIndex: 'handler' },
          { title: t('incidents.error'), dataIndex: 'lastError', ellipsis: true },
          { title: t('incidents.failedAt'), dataIndex: 'failedAt', render: beijingTime },
          { title: t('incidents.retries'), dataIndex: 'retries' },
          { title: '', render: (_, incident) => <Button onClick={() => retry(incident)}>{t('incidents.retry')}</Button> },
        ]}
      />
    </section>
  );
}
