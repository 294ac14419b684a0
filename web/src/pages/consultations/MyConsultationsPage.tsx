import { App, Button, Card, Col, Form, Input, Pagination, Radio, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { CaseSummary, Department, MatterSummary, Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useSubmit } from '../../api/useSubmit';
import { useI18n } from '../../i18n/I18n';
import { ConsultationItem, type ConsultationPage } from './ConsultationItem';

const PAGE_SIZE = 10;
const FIELDS = ['kind', 'departmentCode', 'matterId', 'caseId', 'subject', 'body'] as const;

interface Writing {
  kind: 'consultation' | 'complaint';
  departmentCode: string;
  matterId?: string;
  caseId?: string;
  subject: string;
  body: string;
}

/** 我要问 for applicants: write to a department (about a matter or a case, if wanted), and read the answers. */
export default function MyConsultationsPage() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const mine = useLoad(() => api.get<ConsultationPage>(`/api/consultations/mine?limit=${PAGE_SIZE}&offset=${(page - 1) * PAGE_SIZE}`), String(page));

  return (
    <section aria-labelledby="ask-title">
      <Typography.Title level={3} id="ask-title">
        {t('ask.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <WriteForm onSent={() => (page === 1 ? mine.reload() : setPage(1))} />
        </Col>
        <Col xs={24} lg={14}>
          <Typography.Title level={4}>{t('ask.mine')}</Typography.Title>
          {mine.data?.items.length === 0 && <Typography.Text type="secondary">{t('ask.empty')}</Typography.Text>}
          {mine.data?.items.map((item) => <ConsultationItem key={item.id} item={item} />)}
          <Pagination current={page} pageSize={PAGE_SIZE} total={mine.data?.total ?? 0} onChange={setPage} hideOnSinglePage size="small" />
        </Col>
      </Row>
    </section>
  );
}

/** The form; ?caseId= or ?matterId=&department= (from a case or a service guide) fill it in. */
function WriteForm({ onSent }: { onSent: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Writing>();
  const departmentCode = Form.useWatch('departmentCode', form) ?? params.get('department') ?? undefined;
  const departments = useLoad(() => api.get<Department[] | { items: Department[] }>('/api/departments'), 'departments');
  const departmentList = Array.isArray(departments.data) ? departments.data : (departments.data?.items ?? []);
  const matters = useLoad(
    () => (departmentCode ? api.get<Page<MatterSummary>>(`/api/matters?department=${encodeURIComponent(departmentCode)}&pageSize=100`) : Promise.resolve(undefined)),
    departmentCode ?? '',
  );
  const cases = useLoad(() => api.get<CaseSummary[]>('/api/cases?state=submitted'), 'submitted');

  const { busy, submit } = useSubmit(form, FIELDS, async (values: Writing) => {
    await api.post('/api/consultations', { ...values, matterId: values.matterId || undefined, caseId: values.caseId || undefined });
    void message.success(t('ask.sent'));
    form.resetFields(['subject', 'body', 'matterId', 'caseId']);
    onSent();
  });

  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t('auth.required', { field: t(key) }) }];
  return (
    <Card title={t('ask.write')} size="small">
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ kind: 'consultation', departmentCode: params.get('department') ?? undefined, matterId: params.get('matterId') ?? undefined, caseId: params.get('caseId') ?? undefined }}
        onValuesChange={(changed) => 'departmentCode' in changed && form.setFieldValue('matterId', undefined)}
      >
        <Form.Item name="kind" label={t('ask.kind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'consultation', label: t('ask.consultation') },
              { value: 'complaint', label: t('ask.complaint') },
            ]}
          />
        </Form.Item>
        <Form.Item name="departmentCode" label={t('ask.department')} rules={[{ required: true, message: t('auth.required', { field: t('ask.department') }) }]}>
          <Select showSearch optionFilterProp="label" options={departmentList.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
        </Form.Item>
        <Form.Item name="matterId" label={t('ask.matter')}>
          <Select allowClear showSearch optionFilterProp="label" disabled={!departmentCode} options={(matters.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="caseId" label={t('ask.case')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.basicInformation.projectName ?? ''}` }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('ask.subject')} rules={required('ask.subject')}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="body" label={t('ask.body')} rules={required('ask.body')}>
          <Input.TextArea rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('common.submit')}
        </Button>
      </Form>
    </Card>
  );
}
