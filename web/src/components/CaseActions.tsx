import { App, Button, Card, Form, Input, Space } from 'antd';
// The API's own names of the actions, so that a button says what the timeline will say.
import { actionLabel } from '../../../src/cases/action-labels';
import { api } from '../api/client';
import { useShowError } from '../api/useShowError';
import { useI18n } from '../i18n/I18n';

const NEGATIVE = new Set(['refuse', 'reject', 'deny', 'object', 'denyExtension', 'sendBack', 'revoke']);

/** The actions the case's open tasks offer this user (the BPMN decides them), each with the comment; the server has the last word. */
export function CaseActions({ caseId, actions, onDone }: { caseId: string; actions: string[]; onDone: (action: string) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const act = async (action: string) => {
    try {
      await api.post(`/api/cases/${caseId}/actions/${action}`, { comment: form.getFieldValue('comment') || undefined });
      void message.success(`${pick(actionLabel(action))}: ${t('cases.done')}`);
      form.resetFields();
      onDone(action);
    } catch (error) {
      showError(error, form, ['comment']);
    }
  };
  return (
    <Card title={t('cases.actions')} size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical">
        <Form.Item name="comment" label={t('cases.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space wrap>
          {actions.map((action) => (
            <Button key={action} type={NEGATIVE.has(action) ? 'default' : 'primary'} danger={NEGATIVE.has(action)} onClick={() => act(action)} data-action={action}>
              {pick(actionLabel(action))}
            </Button>
          ))}
        </Space>
      </Form>
    </Card>
  );
}
