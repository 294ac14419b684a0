import { App, Badge, Button, Checkbox, Form, Input, List, Modal, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
// The to-do list's stages as the API names them, so that the filter reads as the to-do list does.
import { TODO_STAGE_NAMES, TODO_STAGES } from '../../../../src/cases/todo-stages';
import { api } from '../../api/client';
import type { Department } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import { ALERTS, type Alert, type BoardFilter, boardQuery, daysLeftText, parseBoardFilter } from '../../lib/board-query';
import { beijingDate, beijingTime } from '../../lib/time';

interface BoardItem {
  caseId: string;
  caseNumber: string;
  matterName: string;
  departmentName: string;
  stageName: string;
  alert: Alert;
  promisedDeadline: string | null;
  legalDeadline: string | null;
  workingDaysLeft: number | null;
  holder: { id: string; name: string } | null;
  urgeCount: number;
  lastUrgedAt: string | null;
  movedSinceUrge: boolean | null;
}

interface Board {
  items: BoardItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<Alert, number>;
}

interface Urge {
  id: string;
  note: string;
  urgedBy: { id: string; name: string };
  urgedAt: string;
}

const COLOURS: Record<Alert, string> = { red: 'red', yellow: 'gold', green: 'green' };

/** 预警监察: the cases by alert, filtered in the URL (so that a view can be bookmarked), each one urged from here. */
export default function BoardPage() {
  const { t, lang, pick } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const filter = parseBoardFilter(location.search);
  const query = boardQuery(filter);
  const board = useLoad(() => api.get<Board>(`/api/supervision/board?${query}`), query);
  const departments = useLoad(() => api.get<Department[] | { items: Department[] }>('/api/departments'), 'departments');
  const departmentList = Array.isArray(departments.data) ? departments.data : (departments.data?.items ?? []);
  const [urging, setUrging] = useState<BoardItem | null>(null);
  const setFilter = (change: Partial<BoardFilter>) => navigate({ search: boardQuery({ ...filter, page: 1, ...change }) });

  return (
    <section aria-labelledby="board-title">
      <Typography.Title level={3} id="board-title">
        {t('menu.board')}
      </Typography.Title>
      <Space size="large" wrap style={{ display: 'flex', marginBottom: 16 }}>
        {ALERTS.map((alert) => (
          <Statistic key={alert} title={<Badge color={COLOURS[alert]} text={t(`board.${alert}`)} />} value={board.data?.counts[alert] ?? 0} />
        ))}
      </Space>
      <Space wrap style={{ marginBottom: 16 }} role="search">
        <Checkbox.Group
          aria-label={t('board.alert')}
          value={filter.alert}
          onChange={(alert) => setFilter({ alert: alert as Alert[] })}
          options={ALERTS.map((alert) => ({ value: alert, label: t(`board.${alert}`) }))}
        />
        <Select
          aria-label={t('board.department')}
          placeholder={t('board.department')}
          allowClear
          style={{ minWidth: 180 }}
          value={filter.department}
          onChange={(department) => setFilter({ department })}
          options={departmentList.map((d) => ({ value: d.code, label: d.name }))}
        />
        <Select
          aria-label={t('board.legalStage')}
          placeholder={t('board.legalStage')}
          allowClear
          style={{ minWidth: 160 }}
          value={filter.legalStage}
          onChange={(legalStage) => setFilter({ legalStage })}
          options={TODO_STAGES.map((stage) => ({ value: stage, label: pick(TODO_STAGE_NAMES[stage]) }))}
        />
        <Select
          aria-label={t('board.urges')}
          placeholder={t('board.urges')}
          allowClear
          style={{ minWidth: 140 }}
          value={filter.urged === undefined ? undefined : String(filter.urged)}
          onChange={(urged?: string) => setFilter({ urged: urged === undefined ? undefined : urged === 'true' })}
          options={[
            { value: 'true', label: t('board.urged') },
            { value: 'false', label: t('board.notUrged') },
          ]}
        />
      </Space>
      <Table<BoardItem>
        rowKey="caseId"
        size="small"
        loading={board.loading}
        dataSource={board.data?.items ?? []}
        scroll={{ x: 1000 }}
        pagination={{ current: filter.page, pageSize: filter.pageSize, total: board.data?.total ?? 0, onChange: (page, pageSize) => navigate({ search: boardQuery({ ...filter, page, pageSize }) }) }}
        columns={[
          { title: t('board.alert'), dataIndex: 'alert', render: (alert: Alert) => <Tag color={COLOURS[alert]}>{t(`board.${alert}`)}</Tag> },
          { title: t('board.caseNumber'), dataIndex: 'caseNumber', render: (number: string, item) => <Link to={`/cases/${item.caseId}`}>{number}</Link> },
          { title: t('board.matter'), dataIndex: 'matterName' },
          { title: t('board.department'), dataIndex: 'departmentName' },
          { title: t('board.stage'), dataIndex: 'stageName' },
          { title: t('board.deadline'), render: (_, item) => `${beijingDate(item.promisedDeadline)} / ${beijingDate(item.legalDeadline)}` },
          { title: t('board.daysLeft'), dataIndex: 'workingDaysLeft', render: (days: number | null) => <span style={{ color: days !== null && days < 0 ? '#cf1322' : undefined }}>{daysLeftText(days, lang)}</span> },
          { title: t('board.holder'), dataIndex: 'holder', render: (holder: BoardItem['holder']) => holder?.name ?? t('board.unassigned') },
          {
            title: t('board.urges'),
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <span>{item.urgeCount}</span>
                {item.movedSinceUrge !== null && <Tag color={item.movedSinceUrge ? 'green' : 'orange'}>{t(item.movedSinceUrge ? 'board.movedSinceUrge' : 'board.notMovedSinceUrge')}</Tag>}
              </Space>
            ),
          },
          { title: '', render: (_, item) => <Button onClick={() => setUrging(item)} aria-label={`${t('board.urge')} ${item.caseNumber}`}>{t('board.urge')}</Button> },
        ]}
      />
      {urging && <UrgeDialog item={urging} onClose={(sent) => { setUrging(null); if (sent) board.reload(); }} />}
    </section>
  );
}

function UrgeDialog({ item, onClose }: { item: BoardItem; onClose: (sent: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const showError = useShowError();
  const history = useLoad(() => api.get<Urge[]>(`/api/cases/${item.caseId}/urges`), item.caseId);

  const send = async ({ note }: { note: string }) => {
    try {
      await api.post(`/api/cases/${item.caseId}/urges`, { note });
      void message.success(t('board.urgeSent'));
      onClose(true);
    } catch (error) {
      showError(error, form, ['note']);
    }
  };

  return (
    <Modal open title={t('board.urgeTitle', { caseNumber: item.caseNumber })} okText={t('board.urge')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item name="note" label={t('board.urgeNote')} rules={[{ required: true, message: t('auth.required', { field: t('board.urgeNote') }) }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('board.history')}</Typography.Title>
      <List
        size="small"
        loading={history.loading}
        dataSource={history.data ?? []}
        locale={{ emptyText: t('common.none') }}
        renderItem={(urge) => (
          <List.Item>
            {beijingTime(urge.urgedAt)} {urge.urgedBy.name}: {urge.note}
          </List.Item>
        )}
      />
    </Modal>
  );
}
