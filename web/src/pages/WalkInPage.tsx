import { Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { MatterSummary, Page } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useShowError } from '../api/useShowError';
import { useI18n } from '../i18n/I18n';
import { BASIC_FIELDS } from '../lib/basic-fields';

const ID_TYPES = [
  { value: 'resident_id', label: '居民身份证 Resident ID' },
  { value: 'hmt_residence_permit', label: '港澳台居民居住证 Residence permit' },
  { value: 'passport', label: '护照 Passport' },
  { value: 'hk_macao_permit', label: '港澳居民来往内地通行证 HK/Macao permit' },
  { value: 'taiwan_permit', label: '台湾居民来往大陆通行证 Taiwan permit' },
];
const SHOWN = ['matterId', 'applicantKind', 'idType', 'idNumber', 'creditCode', ...BASIC_FIELDS.map((field) => field.name)];

/** 窗口收件: the clerk files for an applicant at the counter, then uploads the scans and submits as the filing page does. */
export default function WalkInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const showError = useShowError();
  const [form] = Form.useForm();
  const kind = Form.useWatch('applicantKind', form) ?? 'person';
  const matters = useLoad(() => api.get<Page<MatterSummary>>('/api/matters?pageSize=100'), 'matters');
  const required = (label: string) => [{ required: true, message: t('auth.required', { field: label }) }];

  const file = async (values: Record<string, string>) => {
    try {
      const created = await api.post<{ id: string }>('/api/walk-in-cases', values);
      navigate(`/work/walk-in/${created.id}`);
    } catch (error) {
      showError(error, form, SHOWN);
    }
  };

  return (
    <Card>
      <Typography.Title level={3}>{t('menu.walkIn')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={file} initialValues={{ applicantKind: 'person', idType: 'resident_id' }} style={{ maxWidth: 560 }}>
        <Form.Item name="matterId" label={t('cases.matter')} rules={required(t('cases.matter'))}>
          <Select showSearch optionFilterProp="label" options={(matters.data?.items ?? []).map((matter) => ({ value: matter.id, label: `${matter.code} ${matter.name}` }))} />
        </Form.Item>
        <Form.Item name="applicantKind" label={t('walkIn.applicantKind')}>
          <Radio.Group options={[{ value: 'person', label: t('walkIn.person') }, { value: 'organisation', label: t('walkIn.organisation') }]} />
        </Form.Item>
        {kind === 'person' ? (
          <>
            <Form.Item name="idType" label={t('walkIn.idType')} rules={required(t('walkIn.idType'))}>
              <Select options={ID_TYPES} />
            </Form.Item>
            <Form.Item name="idNumber" label={t('walkIn.idNumber')} rules={required(t('walkIn.idNumber'))}>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="creditCode" label={t('walkIn.creditCode')} rules={required(t('walkIn.creditCode'))}>
            <Input />
          </Form.Item>
        )}
        {BASIC_FIELDS.map((field) => (
          <Form.Item key={field.name} name={field.name} label={t(field.label)} rules={required(t(field.label))}>
            <Input />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit">
          {t('common.next')}
        </Button>
      </Form>
    </Card>
  );
}
