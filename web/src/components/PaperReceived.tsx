import { Button, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { api } from '../api/client';
import type { PaperReceipt } from '../api/types';
import { useShowError } from '../api/useShowError';
import { useSubmit } from '../api/useSubmit';
import { useI18n } from '../i18n/I18n';
import { beijingTime } from '../lib/time';

const SHOWN = ['originals', 'photocopies'] as const;

/** 收取纸质材料: at the counter the window ticks the paper originals and photocopies it received of one item. */
export function PaperReceived({ caseId, itemId, receipt, onChanged }: { caseId: string; itemId: string; receipt: PaperReceipt | null; onChanged: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ originals: number; photocopies: number }>();
  const showError = useShowError();
  const url = `/api/cases/${caseId}/paper-materials/${itemId}`;
  const { busy, submit } = useSubmit(form, SHOWN, (values: { originals: number; photocopies: number }) => api.put(url, values).then(onChanged));
  const undo = () => api.delete(url).then(onChanged, showError);
  if (receipt) {
    return (
      <div data-paper={itemId}>
        <Tag color="blue">{t('paper.received')}</Tag>
        {t('paper.originals')} {receipt.originals}，{t('paper.photocopies')} {receipt.photocopies}{' '}
        <Typography.Text type="secondary">
          {receipt.receivedBy.name} {beijingTime(receipt.receivedAt)}
        </Typography.Text>{' '}
        <Button size="small" type="link" onClick={() => void undo()}>
          {t('paper.undo')}
        </Button>
      </div>
    );
  }
  return (
    <div data-paper={itemId}>
      <Form form={form} name={`paper-${itemId}`} layout="inline" initialValues={{ originals: 1, photocopies: 0 }} onFinish={submit} style={{ marginTop: 8 }}>
        <Space wrap>
          <Tag>{t('paper.notReceived')}</Tag>
          <Form.Item name="originals" label={t('paper.originals')}>
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
          <Form.Item name="photocopies" label={t('paper.photocopies')}>
            <InputNumber min={0} max={99} precision={0} />
          </Form.Item>
          <Button size="small" htmlType="submit" loading={busy}>
            {t('paper.receive')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
