import { App, Button, Form, Input, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { ChangeHistory, type HistoryEntry } from '../../components/ChangeHistory';
import { useI18n } from '../../i18n/I18n';
import {
  type AdminMatter, changedFields, formValuesOf, HISTORY_ACTIONS, MATTER_FIELDS, MATTER_STATUS_NAMES, matterBody, type MatterValues, STATUS_COLOURS,
} from '../../lib/matter-form';
import { GuideForm } from './matter/GuideForm';
import { type MaterialItem, MaterialsEditor } from './matter/MaterialsEditor';

type Matter = AdminMatter & { name: string; code: string; requiredMaterials: MaterialItem[] };

const NEW_MATTER: Partial<MatterValues> = {
  kind: 'standard', caseType: 'commitment', limitUnit: 'working_days', warningWorkingDays: 3, chargesFee: false, onlinePayment: false,
  appointmentAvailable: false, siteVisits: 0, issuesElectronicLicence: false, onlineServiceDepth: [], faqs: [], fees: '不收费', quantityLimit: '无数量限制',
};

/** One matter for administrators: its guide, its materials and blank forms, publishing and withdrawing, its history. A new one is created as a draft. */
export default function MatterEditPage() {
  const { matterId = 'new' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm();
  const isNew = matterId === 'new';
  const matter = useLoad(() => (isNew ? Promise.resolve(undefined) : api.get<Matter>(`/api/admin/matters/${matterId}`)), matterId);

  const create = (values: MatterValues) =>
    api.post<{ id: string }>('/api/admin/matters', matterBody(values)).then((created) => navigate(`/admin/matters/${created.id}`, { replace: true }), (error) => showError(error, form, MATTER_FIELDS));

  return (
    <section aria-labelledby="matter-edit-title">
      <Typography.Title level={3} id="matter-edit-title">
        <Link to="/admin/matters">{t('menu.matterAdmin')}</Link> / {isNew ? t('matterAdmin.new') : (matter.data?.name ?? '…')}
      </Typography.Title>
      {isNew ? (
        <GuideForm form={form} initial={NEW_MATTER} onSave={create} />
      ) : matter.data ? (
        <MatterTabs matter={matter.data} reload={matter.reload} />
      ) : (
        <Spin />
      )}
    </section>
  );
}

function MatterTabs({ matter, reload }: { matter: Matter; reload: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [historyVersion, setHistoryVersion] = useState(0);
  const initial = useMemo(() => formValuesOf(matter), [matter]);
  // The form keeps what it was first given: after each save (or a material's change) it shows the matter as stored.
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const changed = () => (void message.success(t('cases.done')), setHistoryVersion((v) => v + 1), reload());
  const save = (values: MatterValues) => {
    const edit = changedFields(initial, values);
    if (Object.keys(edit).length === 0) return void message.info(t('matterAdmin.nothingChanged'));
    api.put(`/api/admin/matters/${matter.id}`, edit).then(changed, (error) => showError(error, form, MATTER_FIELDS));
  };
  const statusName = MATTER_STATUS_NAMES[matter.status]?.[lang === 'zh' ? 0 : 1] ?? matter.status;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Tag color={STATUS_COLOURS[matter.status]} data-status={matter.status}>{statusName}</Tag>
        <Typography.Text code>{matter.code}</Typography.Text>
        {matter.status !== 'published' && (
          <Button type="primary" onClick={() => api.post(`/api/admin/matters/${matter.id}/publish`).then(changed, (error) => showError(error, form, MATTER_FIELDS))}>{t('matterAdmin.publish')}</Button>
        )}
        {matter.status === 'published' && <WithdrawButton matterId={matter.id} onDone={changed} />}
        {matter.status === 'published' && <Link to={`/matters/${matter.id}`}>{t('matterAdmin.publicGuide')}</Link>}
      </Space>
      <Tabs
        items={[
          { key: 'guide', label: t('matters.guide'), forceRender: true, children: <GuideForm form={form} initial={initial} onSave={save} /> },
          { key: 'materials', label: `${t('matters.materials')} (${matter.requiredMaterials.length})`, children: <MaterialsEditor matterId={matter.id} items={matter.requiredMaterials} onChanged={changed} /> },
          { key: 'history', label: t('admin.history'), children: <MatterHistory matterId={matter.id} version={historyVersion} /> },
        ]}
      />
    </>
  );
}

function WithdrawButton({ matterId, onDone }: { matterId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useShowError();
  const withdraw = () => {
    let reason = '';
    modal.confirm({
      title: t('matterAdmin.withdraw'),
      okText: t('matterAdmin.withdraw'),
      cancelText: t('common.cancel'),
      content: <Input.TextArea aria-label={t('matterAdmin.withdrawReason')} placeholder={t('matterAdmin.withdrawReason')} onChange={(event) => (reason = event.target.value)} />,
      onOk: () => api.post(`/api/admin/matters/${matterId}/withdraw`, { reason }).then(onDone, showError),
    });
  };
  return <Button danger onClick={withdraw}>{t('matterAdmin.withdraw')}</Button>;
}

function MatterHistory({ matterId, version }: { matterId: string; version: number }) {
  const { lang } = useI18n();
  const history = useLoad(() => api.get<HistoryEntry[]>(`/api/admin/matters/${matterId}/history`), `${matterId}/${version}`);
  return <ChangeHistory entries={history.data ?? []} loading={history.loading} actionName={(action) => HISTORY_ACTIONS[action]?.[lang === 'zh' ? 0 : 1] ?? action} />;
}
