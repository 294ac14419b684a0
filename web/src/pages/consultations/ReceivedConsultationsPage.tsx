import { App, Button, Form, Input, Pagination, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useSubmit } from '../../api/useSubmit';
import { useI18n } from '../../i18n/I18n';
import { ApiError } from '../../lib/api-errors';
import { ConsultationItem, type Consultation, type ConsultationPage } from './ConsultationItem';

const PAGE_SIZE = 10;
type Status = 'open' | 'answered' | 'all';

/** 咨询投诉 for staff: what was written to their department (open first, oldest first), each answered once. */
export default function ReceivedConsultationsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<Status>('open');
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE), ...(status === 'all' ? {} : { status }) }).toString();
  const received = useLoad(() => api.get<ConsultationPage>(`/api/consultations/received?${query}`), query);

  return (
    <section aria-labelledby="received-title">
      <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id="received-title">
          {t('ask.received')}
        </Typography.Title>
        <Segmented
          aria-label={t('admin.status')}
          value={status}
          onChange={(value) => {
            setStatus(value as Status);
            setPage(1);
          }}
          options={[
            { value: 'open', label: t('ask.open') },
            { value: 'answered', label: t('ask.answered') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Space>
      {received.data?.items.length === 0 && <Typography.Text type="secondary">{t('ask.empty')}</Typography.Text>}
      {received.data?.items.map((item) => (
        <ConsultationItem key={item.id} item={item} showAuthor>
          {item.status === 'open' && <AnswerForm item={item} onAnswered={received.reload} />}
        </ConsultationItem>
      ))}
      <Pagination current={page} pageSize={PAGE_SIZE} total={received.data?.total ?? 0} onChange={setPage} hideOnSinglePage size="small" />
    </section>
  );
}

/** The one answer: the API refuses a second (409 CONSULTATION_ANSWERED) and a reader from another department (403). */
function AnswerForm({ item, onAnswered }: { item: Consultation; onAnswered: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const { busy, submit } = useSubmit(form, ['answer'], async ({ answer }: { answer: string }) => {
    await api.post(`/api/consultations/${item.id}/answer`, { answer }).catch((error: unknown) => {
      // Answered meanwhile by a colleague: the list shows their answer.
      if (error instanceof ApiError && error.status === 409) onAnswered();
      throw error;
    });
    void message.success(t('ask.answerSent'));
    onAnswered();
  });
  return (
    <Form form={form} name={`answer-${item.id}`} layout="vertical" onFinish={submit} requiredMark={false}>
      <Form.Item
        name="answer"
        label={t('ask.answer')}
        extra={t('ask.answerOnce')}
        rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('ask.answer') }) }]}
      >
        <Input.TextArea rows={4} maxLength={4000} showCount />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('ask.sendAnswer')}
      </Button>
    </Form>
  );
}
