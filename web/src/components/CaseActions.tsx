import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
// The API's own names of actions and special procedures, so that a button says what the timeline will say.
import { actionLabel } from '../../../src/cases/action-labels';
import { SPECIAL_PROCEDURES } from '../../../src/cases/legal-clock/special-procedures';
import { api } from '../api/client';
import { useShowError } from '../api/useShowError';
import { useI18n } from '../i18n/I18n';
import { ACTION_FIELDS, actionBody, type ActionValues } from '../lib/action-forms';

const NEGATIVE = new Set(['refuse', 'reject', 'deny', 'object', 'denyExtension', 'sendBack', 'revoke']);
const ID_TYPES = ['resident_id', 'hmt_residence_permit', 'passport', 'hk_macao_permit', 'taiwan_permit'];

interface Props {
  caseId: string;
  actions: string[];
  /** The matter's material items, for the items of a supplementation notice. */
  items?: { id: string; name: string }[];
  onDone: (action: string) => void;
}

/** The actions the case's open tasks offer this user (the BPMN decides them); each opens its form; the server has the last word. */
export function CaseActions({ caseId, actions, items = [], onDone }: Props) {
  const { t, pick } = useI18n();
  const [action, setAction] = useState<string | null>(null);
  return (
    <Card title={t('cases.actions')} size="small" style={{ marginTop: 16 }}>
      <Space wrap>
        {actions.map((name) => (
          <Button key={name} type={NEGATIVE.has(name) ? 'default' : 'primary'} danger={NEGATIVE.has(name)} onClick={() => setAction(name)} data-action={name}>
            {pick(actionLabel(name))}
          </Button>
        ))}
      </Space>
      {action && (
        <ActionDialog
          caseId={caseId}
          action={action}
          items={items}
          onClose={(done) => {
            setAction(null);
            if (done) onDone(action);
          }}
        />
      )}
    </Card>
  );
}

function ActionDialog({ caseId, action, items, onClose }: { caseId: string; action: string; items: { id: string; name: string }[]; onClose: (done: boolean) => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const fields = ACTION_FIELDS[action] ?? [];
  const label = pick(actionLabel(action));

  const send = async (values: ActionValues) => {
    setBusy(true);
    try {
      await api.post(`/api/cases/${caseId}/actions/${action}`, actionBody(action, values));
      void message.success(`${label}: ${t('cases.done')}`);
      onClose(true);
    } catch (error) {
      showError(error, form, ['comment', 'competentAuthority', 'specialProcedure.kind', 'specialProcedure.expectedWorkingDays', 'postal.carrier', 'postal.trackingNumber', 'postal.address', 'pickup.name', 'pickup.idType', 'pickup.idNumber']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={label} okText={label} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={() => onClose(false)} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={send} initialValues={{ supplementItems: [{}], pickup: { idType: 'resident_id' } }}>
        {fields.includes('competentAuthority') && (
          <Form.Item name="competentAuthority" label={t('actions.competentAuthority')}>
            <Input />
          </Form.Item>
        )}
        {fields.includes('specialProcedure') && (
          <>
            <Form.Item name={['specialProcedure', 'kind']} label={t('actions.procedureKind')} rules={[{ required: true }]}>
              <Select options={Object.entries(SPECIAL_PROCEDURES).map(([value, name]) => ({ value, label: pick(name) }))} />
            </Form.Item>
            <Form.Item name={['specialProcedure', 'expectedWorkingDays']} label={t('actions.expectedDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={250} />
            </Form.Item>
          </>
        )}
        {fields.includes('supplementItems') && (
          <Form.List name="supplementItems">
            {(entries, { add, remove }) => (
              <>
                {entries.map((entry) => (
                  <Card key={entry.key} size="small" style={{ marginBottom: 8 }} extra={<Button type="link" onClick={() => remove(entry.name)}>×</Button>}>
                    <Form.Item name={[entry.name, 'requiredMaterialId']} label={t('cases.materials')}>
                      <Select allowClear options={items.map((item) => ({ value: item.id, label: item.name }))} />
                    </Form.Item>
                    <Form.Item name={[entry.name, 'problem']} label={t('actions.problem')} rules={[{ required: true, message: t('auth.required', { field: t('actions.problem') }) }]}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </Card>
                ))}
                <Button onClick={() => add({})}>{t('actions.addProblem')}</Button>
              </>
            )}
          </Form.List>
        )}
        {fields.includes('postal') &&
          (['carrier', 'trackingNumber', 'address'] as const).map((field) => (
            <Form.Item key={field} name={['postal', field]} label={t(`actions.${field}`)} rules={[{ required: true, message: t('auth.required', { field: t(`actions.${field}`) }) }]}>
              <Input />
            </Form.Item>
          ))}
        {fields.includes('pickup') && (
          <>
            <Form.Item name={['pickup', 'name']} label={t('actions.pickupName')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name={['pickup', 'idType']} label={t('walkIn.idType')}>
              <Select options={ID_TYPES.map((value) => ({ value, label: value }))} />
            </Form.Item>
            <Form.Item name={['pickup', 'idNumber']} label={t('walkIn.idNumber')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item name="comment" label={t('cases.comment')} rules={action === 'sendBack' ? [{ required: true, message: t('auth.required', { field: t('cases.comment') }) }] : []}>
          <Input.TextArea rows={3} autoFocus={fields.length === 0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
