import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import { beijingTime } from '../../lib/time';

interface CalendarChange {
  action: string;
  actor: { name: string };
  details: { date?: string; year?: number; after?: { kind?: string; name?: string } | null } | null;
  at: string;
}

/** 工作日历: special dates (holidays, 调休上班) set and removed, a year declared loaded, the history, and a working-day sum to check. */
export default function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const changes = useLoad(() => api.get<CalendarChange[]>('/api/calendar/changes'), 'changes');
  const [dayForm] = Form.useForm();
  const [year, setYear] = useState<number>(new Date().getFullYear() + 1);
  const [sum, setSum] = useState<string | null>(null);
  const done = () => {
    void message.success(t('cases.done'));
    changes.reload();
  };

  const setDay = async (values: { date: Dayjs; kind: string; name: string }) => {
    try {
      await api.put(`/api/calendar/days/${values.date.format('YYYY-MM-DD')}`, { kind: values.kind, name: values.name });
      done();
    } catch (error) {
      showError(error, dayForm, ['kind', 'name']);
    }
  };
  const removeDay = () => {
    const date: Dayjs | undefined = dayForm.getFieldValue('date');
    if (date) api.delete(`/api/calendar/days/${date.format('YYYY-MM-DD')}`).then(done, showError);
  };
  const addDays = (values: { from: Dayjs; days: number }) =>
    api.get<{ date: string }>(`/api/calendar/add-working-days?from=${values.from.format('YYYY-MM-DD')}&days=${values.days}`).then((answer) => setSum(answer.date), showError);

  return (
    <section aria-labelledby="calendar-title">
      <Typography.Title level={3} id="calendar-title">
        {t('menu.calendar')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('admin.specialDate')} size="small">
            <Form form={dayForm} layout="vertical" onFinish={setDay} initialValues={{ kind: 'holiday' }}>
              <Form.Item name="date" label={t('admin.date')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="kind" label={t('admin.dayKind')}>
                <Radio.Group options={[{ value: 'holiday', label: t('admin.holiday') }, { value: 'adjusted_working_day', label: t('admin.adjustedWorkingDay') }]} />
              </Form.Item>
              <Form.Item name="name" label={t('admin.name')} rules={[{ required: true }]}>
                <Input placeholder="春节" />
              </Form.Item>
              <Space>
                <Button type="primary" htmlType="submit">{t('common.save')}</Button>
                <Button onClick={removeDay}>{t('admin.removeDate')}</Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('admin.yearLoaded')} size="small">
            <Space>
              <InputNumber aria-label={t('admin.year')} min={2004} max={2100} value={year} onChange={(value) => value && setYear(value)} />
              <Button onClick={() => api.put(`/api/calendar/years/${year}`).then(done, showError)}>{t('admin.declareLoaded')}</Button>
            </Space>
          </Card>
          <Card title={t('admin.addWorkingDays')} size="small" style={{ marginTop: 16 }}>
            <Form layout="inline" onFinish={addDays} initialValues={{ days: 20 }}>
              <Form.Item name="from" label={t('admin.date')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="days" label={t('admin.workingDays')}>
                <InputNumber min={1} max={3650} />
              </Form.Item>
              <Button htmlType="submit">=</Button>
              {sum && <Typography.Text strong style={{ marginLeft: 8 }}>{sum}</Typography.Text>}
            </Form>
          </Card>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('admin.history')}
      </Typography.Title>
      <Table<CalendarChange>
        rowKey={(change) => `${change.at}-${change.action}-${change.details?.date ?? change.details?.year}`}
        size="small"
        loading={changes.loading}
        dataSource={changes.data ?? []}
        columns={[
          { title: t('admin.when'), dataIndex: 'at', render: beijingTime },
          { title: t('admin.change'), dataIndex: 'action' },
          { title: t('admin.date'), render: (_, change) => change.details?.date ?? change.details?.year },
          { title: t('admin.name'), render: (_, change) => change.details?.after?.name ?? '—' },
          { title: t('board.holder'), render: (_, change) => change.actor.name },
        ]}
      />
    </section>
  );
}
