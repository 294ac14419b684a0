import { Table } from 'antd';
import { useI18n } from '../i18n/I18n';
import { historyLines } from '../lib/history-lines';
import { beijingTime } from '../lib/time';

export interface HistoryEntry {
  action: string;
  actor: { name: string };
  comment?: string | null;
  details: Record<string, unknown> | null;
  at: string;
}

/** An administration history (a matter's, a department's), newest first: when, what, who, and each field from → to. */
export function ChangeHistory({ entries, loading, actionName = (action) => action }: { entries: HistoryEntry[]; loading: boolean; actionName?: (action: string) => string }) {
  const { t } = useI18n();
  return (
    <Table<HistoryEntry>
      rowKey={(entry) => `${entry.at}-${entry.action}`}
      size="small"
      loading={loading}
      dataSource={entries}
      columns={[
        { title: t('admin.when'), dataIndex: 'at', render: beijingTime },
        { title: t('admin.change'), dataIndex: 'action', render: actionName },
        { title: t('board.holder'), render: (_, entry) => entry.actor.name },
        {
          title: t('matterAdmin.details'),
          render: (_, entry) => (
            <>
              {entry.comment && <div>{entry.comment}</div>}
              {historyLines(entry.details).map((line) => <div key={line}>{line}</div>)}
            </>
          ),
        },
      ]}
    />
  );
}
