import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { useSubmit } from '../api/useSubmit';
import { useI18n } from '../i18n/I18n';

const SHOWN = ['assigneeId', 'reason'] as const;

interface Colleague {
  id: string;
  name: string;
  username: string;
  holdsTask: boolean;
}

/** 转办: passes a task to a colleague with the reason, chosen among those the API says may hold it. */
export function ReassignTask({ taskId, onDone }: { taskId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ assigneeId: string; reason: string }>();
  const [colleagues, setColleagues] = useState<Colleague[] | null>(null);
  useEffect(() => {
    if (!open) return;
    let current = true;
    api.get<Colleague[]>(`/api/tasks/${taskId}/colleagues`).then(
      (found) => current && setColleagues(found),
      () => current && setColleagues([]),
    );
    return () => {
      current = false;
    };
  }, [open, taskId]);
  const { busy, submit } = useSubmit(form, SHOWN, async (values: { assigneeId: string; reason: string }) => {
    await api.post(`/api/tasks/${taskId}/reassign`, { assigneeId: values.assigneeId, reason: values.reason });
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
          <Form.Item name="assigneeId" label={t('tasks.assigneeId')} rules={[{ required: true, message: t('auth.required', { field: t('tasks.assigneeId') }) }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={colleagues === null}
              notFoundContent={t('tasks.noColleague')}
              options={(colleagues ?? []).map((colleague) => ({
                value: colleague.id,
                label: `${colleague.name} (${colleague.username})`,
                disabled: colleague.holdsTask,
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('tasks.reassignReason')} rules={required(t('tasks.reassignReason'))}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
