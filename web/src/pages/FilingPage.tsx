import { Button, Card, Form, Input, List, Progress, Skeleton, Steps, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { uploadMaterial } from '../api/tus-upload';
import type { CaseDetail, Checklist, ChecklistItem } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useShowError } from '../api/useShowError';
import { CaseActions } from '../components/CaseActions';
import { PaperReceived } from '../components/PaperReceived';
import { useI18n } from '../i18n/I18n';
import { ApiError } from '../lib/api-errors';
import { BASIC_FIELDS } from '../lib/basic-fields';


/** 在线申办, two steps: the basic information (saved as a draft), then the materials item by item, then submit. */
export default function FilingPage() {
  const { matterId, caseId: existing } = useParams();
  const [caseId, setCaseId] = useState(existing);
  const draft = useLoad(() => (existing ? api.get<CaseDetail>(`/api/cases/${existing}`) : Promise.resolve(undefined)), existing ?? '');
  const [step, setStep] = useState(existing ? 1 : 0);
  const { t } = useI18n();
  if (existing && !draft.data) return <Skeleton active />;

  return (
    <Card>
      <Steps current={step} items={[{ title: t('filing.basic') }, { title: t('filing.materials') }]} style={{ marginBottom: 24 }} />
      {step === 0 ? (
        <BasicInformation
          matterId={matterId ?? draft.data?.matterId ?? ''}
          caseId={caseId}
          initial={draft.data?.basicInformation}
          onSaved={(id) => {
            setCaseId(id);
            setStep(1);
          }}
        />
      ) : (
        <Materials caseId={caseId!} onBack={() => setStep(0)} />
      )}
    </Card>
  );
}

function BasicInformation({ matterId, caseId, initial, onSaved }: { matterId: string; caseId?: string; initial?: Record<string, string | null>; onSaved: (caseId: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const showError = useShowError();
  const save = async (values: Record<string, string>) => {
    try {
      const saved = caseId ? await api.put<{ id: string }>(`/api/cases/${caseId}`, values) : await api.post<{ id: string }>('/api/cases', { matterId, ...values });
      onSaved(saved.id);
    } catch (error) {
      showError(error, form, BASIC_FIELDS.map((field) => field.name));
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial ?? {}} onFinish={save} style={{ maxWidth: 560 }}>
      {BASIC_FIELDS.map((field) => (
        <Form.Item key={field.name} name={field.name} label={t(field.label)} rules={[{ required: true, message: t('auth.required', { field: t(field.label) }) }]}>
          <Input />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit">
        {t('filing.saveDraft')}，{t('common.next')}
      </Button>
    </Form>
  );
}

function Materials({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const checklist = useLoad(() => api.get<Checklist>(`/api/cases/${caseId}/material-checklist`), caseId);
  const kase = useLoad(() => api.get<CaseDetail>(`/api/cases/${caseId}`), caseId);
  // Submitting is whatever the draft's open task offers: some processes ask for a signed commitment first.
  const actions = [...new Set((kase.data?.openTasks ?? []).filter((task) => task.yours).flatMap((task) => task.actions))];
  const done = (action: string) => (action === 'submit' ? navigate(`/cases/${caseId}`) : kase.reload());
  if (!checklist.data) return <Skeleton active />;
  return (
    <>
      <List
        dataSource={checklist.data.items}
        renderItem={(item) => (
          <List.Item>
            <MaterialItem caseId={caseId} item={item} onUploaded={checklist.reload} />
          </List.Item>
        )}
      />
      <Button onClick={onBack}>{t('common.back')}</Button>
      <CaseActions caseId={caseId} actions={actions} onDone={done} />
    </>
  );
}

/** One item: what it takes, the files already there, a drop zone with a progress bar per file. */
export function MaterialItem({ caseId, item, onUploaded }: { caseId: string; item: ChecklistItem; onUploaded: () => void }) {
  const { t, lang } = useI18n();
  const [progress, setProgress] = useState<Record<string, { percent: number; error?: string }>>({});
  const send = async (file: File) => {
    setProgress((p) => ({ ...p, [file.name]: { percent: 0 } }));
    try {
      await uploadMaterial(file, { caseId, requiredMaterialId: item.id }, (percent) => setProgress((p) => ({ ...p, [file.name]: { percent } })));
      setProgress((p) => ({ ...p, [file.name]: { percent: 100 } }));
      onUploaded();
    } catch (error) {
      const text = error instanceof ApiError ? error.text(lang) + (error.fields.length ? `: ${error.fields.flatMap((f) => f.problems).join('; ')}` : '') : String(error);
      setProgress((p) => ({ ...p, [file.name]: { percent: p[file.name]?.percent ?? 0, error: text } }));
    }
  };
  return (
    <div style={{ width: '100%' }}>
      <Typography.Text strong>{item.name}</Typography.Text> <Tag color={item.isRequired ? 'red' : 'default'}>{t(item.isRequired ? 'matters.requiredItem' : 'matters.optionalItem')}</Tag>
      <Typography.Text type="secondary">
        {t('matters.formats')}: {item.acceptedFormats.join(', ')}
      </Typography.Text>
      {item.pending.map((file) => (
        <div key={file.id}>
          <Tag color="green">{t('filing.uploaded')}</Tag> {file.fileName}
        </div>
      ))}
      <Upload.Dragger
        multiple
        showUploadList={false}
        accept={item.acceptedFormats.map((format) => `.${format}`).join(',')}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
        style={{ marginTop: 8 }}
      >
        <p>{t('filing.drop')}</p>
        <span className="sr-only">{item.name}</span>
      </Upload.Dragger>
      {Object.entries(progress).map(([name, state]) => (
        <div key={name} role="status">
          {name}
          <Progress percent={state.percent} status={state.error ? 'exception' : state.percent === 100 ? 'success' : 'active'} size="small" />
          {state.error && <Typography.Text type="danger">{state.error}</Typography.Text>}
        </div>
      ))}
      {item.paperReceived !== undefined && <PaperReceived caseId={caseId} itemId={item.id} receipt={item.paperReceived} onChanged={onUploaded} />}
    </div>
  );
}
