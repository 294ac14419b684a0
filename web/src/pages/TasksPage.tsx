import { App, Badge, Button, Segmented, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useShowError } from '../api/useShowError';
import { useAuth } from '../auth/Auth';
import { ReassignTask } from '../components/ReassignTask';
import { useI18n } from '../i18n/I18n';
import { beijingTime } from '../lib/time';

interface TodoList {
  legalStages: { legalStage: string; name: { zh: string; en: string }; count: number }[];
  total: number;
  items: { taskId: string; caseId: string; caseNumber: string; matterName: string; projectName: string; stageName: string; alert: string | null; openedAt: string; claimedBy: { id: string; name: string } | null }[];
}

const ALERT_COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green' };

interface DoneList {
  total: number;
  items: { taskId: string; caseId: string; caseNumber: string; matterName: string; stageName: string; actionName: { zh: string; en: string }; closedAt: string; caseStageName: string }[];
}

/** 待办 and 已办: the tasks awaiting the user, and those they closed. */
export default function TasksPage() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="tasks-title">
      <Typography.Title level={3} id="tasks-title">
        {t('menu.tasks')}
      </Typography.Title>
      <Tabs destroyOnHidden items={[{ key: 'todo', label: t('tasks.todo'), children: <OpenTasks /> }, { key: 'done', label: t('tasks.done'), children: <DoneTasks /> }]} />
    </section>
  );
}

/** Both lists: a row per task, starting with the case, linked to its page, and its matter. */
function TaskTable<T extends { taskId: string; caseId: string }>({ loading, items, columns }: { loading: boolean; items?: T[]; columns: TableColumnsType<T> }) {
  const { t } = useI18n();
  const caseColumns: TableColumnsType<T> = [
    { title: t('cases.number'), dataIndex: 'caseNumber', render: (number: string, item) => <Link to={`/cases/${item.caseId}`}>{number}</Link> },
    { title: t('cases.matter'), dataIndex: 'matterName' },
  ];
  return <Table<T> rowKey="taskId" size="small" scroll={{ x: 800 }} loading={loading} dataSource={items ?? []} columns={[...caseColumns, ...columns]} />;
}

/** 已办: the tasks the user closed, newest first, with where each case stands now. */
function DoneTasks() {
  const { t, pick } = useI18n();
  const { data, loading } = useLoad(() => api.get<DoneList>('/api/tasks/done?limit=100'), 'done');
  return (
    <TaskTable<DoneList['items'][number]>
      loading={loading}
      items={data?.items}
      columns={[
        { title: t('tasks.task'), dataIndex: 'stageName' },
        { title: t('tasks.action'), dataIndex: 'actionName', render: (name: DoneList['items'][number]['actionName']) => pick(name) },
        { title: t('tasks.closedAt'), dataIndex: 'closedAt', render: beijingTime },
        { title: t('tasks.caseStage'), dataIndex: 'caseStageName' },
      ]}
    />
  );
}

/** 待办事项: open tasks of the user's roles and departments, with a count per stage to filter by. */
function OpenTasks() {
  const { t, pick } = useI18n();
  const [legalStage, setLegalStage] = useState('');
  const { data, loading, reload } = useLoad(() => api.get<TodoList>(`/api/tasks?limit=100${legalStage ? `&legalStage=${legalStage}` : ''}`), legalStage);
  const { user } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  // 签收 and 退回: a claimed task is its holder's alone until released.
  const claim = (taskId: string, release: boolean) =>
    api.post(`/api/tasks/${taskId}/${release ? 'release' : 'claim'}`).then(() => {
      void message.success(t('cases.done'));
      reload();
    }, showError);

  return (
    <>
      <Segmented
        aria-label={t('tasks.counts')}
        value={legalStage}
        onChange={(value) => setLegalStage(String(value))}
        options={[
          { value: '', label: t('common.all') },
          ...(data?.legalStages ?? []).map((stage) => ({ value: stage.legalStage, label: <span>{pick(stage.name)} <Badge count={stage.count} showZero color={stage.count ? '#b71c1c' : '#bbb'} /></span> })),
        ]}
        style={{ marginBottom: 16, maxWidth: '100%', overflowX: 'auto' }}
      />
      <TaskTable<TodoList['items'][number]>
        loading={loading}
        items={data?.items}
        columns={[
          { title: t('cases.project'), dataIndex: 'projectName' },
          { title: t('tasks.task'), dataIndex: 'stageName' },
          { title: t('board.alert'), dataIndex: 'alert', render: (alert: string | null) => alert && <Tag color={ALERT_COLOURS[alert]}>{t(`board.${alert}` as 'board.red')}</Tag> },
          { title: t('tasks.received'), dataIndex: 'openedAt', render: beijingTime },
          { title: t('board.holder'), dataIndex: 'claimedBy', render: (holder: { name: string } | null) => holder?.name ?? '—' },
          {
            title: '',
            render: (_, item) => {
              const mine = item.claimedBy?.id === user?.id;
              return item.claimedBy && !mine ? null : (
                <Space>
                  <Button size="small" onClick={() => claim(item.taskId, mine)}>
                    {t(mine ? 'tasks.release' : 'tasks.claim')}
                  </Button>
                  <ReassignTask taskId={item.taskId} onDone={reload} />
                </Space>
              );
            },
          },
        ]}
      />
    </>
  );
}
