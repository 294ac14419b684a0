import { App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { CaseDetail } from '../api/types';
import { useShowError } from '../api/useShowError';
import { useSubmit } from '../api/useSubmit';
import { useI18n } from '../i18n/I18n';
import { mayRefile, mayWithdraw } from '../lib/case-follow-ups';

/** The applicant's own steps outside the process: withdraw (撤回申请, with a reason), file again (重新申报), ask about the case. */
export function CaseFollowUps({ kase, onWithdrawn }: { kase: CaseDetail; onWithdrawn: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const [withdrawing, setWithdrawing] = useState(false);
  const [refiling, setRefiling] = useState(false);

  const refile = () => {
    setRefiling(true);
    api.post<{ id: string }>(`/api/cases/${kase.id}/refiling`).then(
      (draft) => navigate(`/my/cases/${draft.id}/edit`),
      (error) => {
        setRefiling(false);
        showError(error);
      },
    );
  };

  if (!kase.submittedAt) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }}>
      <Space wrap>
        {mayWithdraw(kase) && (
          <Button danger onClick={() => setWithdrawing(true)} data-follow-up="withdraw">
            {t('followUp.withdraw')}
          </Button>
        )}
        {mayRefile(kase) && (
          <Button type="primary" onClick={refile} loading={refiling} title={t('followUp.refileHint')} data-follow-up="refile">
            {t('followUp.refile')}
          </Button>
        )}
        <Link to={`/my/consultations?caseId=${kase.id}`}>{t('followUp.ask')}</Link>
      </Space>
      {mayRefile(kase) && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('followUp.refileHint')}
        </Typography.Paragraph>
      )}
      {withdrawing && (
        <WithdrawDialog
          caseId={kase.id}
          onClose={(done) => {
            setWithdrawing(false);
            if (done) onWithdrawn();
          }}
        />
      )}
    </Card>
  );
}

function WithdrawDialog({ caseId, onClose }: { caseId: string; onClose: (done: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, submit } = useSubmit(form, ['reason'], async ({ reason }: { reason: string }) => {
    await api.post(`/api/cases/${caseId}/withdrawal`, { reason });
    void message.success(t('followUp.withdrawn'));
    onClose(true);
  });
  return (
    <Modal open title={t('followUp.withdraw')} okText={t('followUp.withdraw')} okButtonProps={{ danger: true, loading: busy }} onOk={() => form.submit()} onCancel={() => onClose(false)} cancelText={t('common.cancel')}>
      <Typography.Paragraph type="warning">{t('followUp.withdrawWarning')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="reason" label={t('followUp.withdrawReason')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('followUp.withdrawReason') }) }]}>
          <Input.TextArea rows={3} maxLength={500} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
