import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import { useI18n } from '../i18n/I18n';

const SHOWN = ['assigneeId', 'reason'] as const;

/**
 * 转办: passes a task to a colleague with the reason. The API offers staff no list of who may hold a task
 * (the staff list is for administrators), so the colleague is named by user id; the API says why one is unfit.
 */
export function ReassignTask({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ assigneeId: string; reason: string }>();
  const { busy, submit } = useSubmit(form, SHOWN, async (values: { assigneeId: string; reason: string }) => {
    await api.post(`/api/tasks/${taskId}/reassign`, { assigneeId: values.assigneeId.trim(), reason: values.reason });
    setOpen(false);
    form.resetFields();
    void message.success(t('cases.done'));
    onDone();
  });
  const required = (label: string) => [{ required: true, whitespace: true, message: t('auth.required', { field: label }) }];
  return (
    <>
      <Button size="small" data-action="reassign" onClick={() => setOpen(true)}>
        {t('tasks.reassign')}
      </Button>
      <Modal open={open} title={t('tasks.reassign')} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="assigneeId" label={t('tasks.assigneeId')} extra={t('tasks.assigneeHint')} rules={required(t('tasks.assigneeId'))}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="reason" label={t('tasks.reassignReason')} rules={required(t('tasks.reassignReason'))}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
