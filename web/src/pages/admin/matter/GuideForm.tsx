import { Button, Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../../api/client';
import type { Department } from '../../../api/types';
import { useLoad } from '../../../api/useLoad';
import { useI18n } from '../../../i18n/I18n';
import type { MessageKey } from '../../../i18n/messages';
import { CODE_LISTS, type MatterValues, type Names, optionsOf } from '../../../lib/matter-form';

type Field = keyof MatterValues;

/** The whole service guide of a matter (办事指南), every field the API takes, each under its label with its refusal. */
export function GuideForm({ form, initial, onSave }: { form: FormInstance; initial: Partial<MatterValues>; onSave: (values: MatterValues) => void }) {
  const { t, lang } = useI18n();
  const departments = useLoad(() => api.get<Department[]>('/api/departments'), 'departments');
  const processes = useLoad(() => api.get<{ key: string; active?: { name: string; kind: string } }[]>('/api/processes'), 'processes');
  const label = (field: Field) => t(`matterAdmin.field.${field}` as MessageKey);
  const item = (field: Field, control: ReactNode, options: { span?: number; toggle?: boolean } = {}) => (
    <Col xs={24} md={options.span ?? 12} key={field}>
      <Form.Item name={field} label={label(field)} valuePropName={options.toggle ? 'checked' : 'value'}>
        {control}
      </Form.Item>
    </Col>
  );
  const choice = (field: Field, names: Names, multiple = false) =>
    item(field, <Select mode={multiple ? 'multiple' : undefined} options={optionsOf(names, lang)} />);
  const text = (field: Field, span = 12) => item(field, <Input />, { span });
  const long = (field: Field) => item(field, <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />, { span: 24 });
  const number = (field: Field, min: number, max: number) => item(field, <InputNumber min={min} max={max} style={{ width: '100%' }} />, { span: 6 });
  const toggle = (field: Field) => item(field, <Switch />, { span: 6, toggle: true });

  return (
    <Form form={form} name="guide" layout="vertical" initialValues={initial} onFinish={onSave}>
      <Card size="small" title={t('matterAdmin.section.basic')}>
        <Row gutter={16}>
          {text('code')}
          {text('name')}
          {item('departmentId', <Select showSearch optionFilterProp="label" options={(departments.data ?? []).map((d) => ({ value: d.id, label: `${d.code} ${d.name}` }))} />)}
          {choice('kind', CODE_LISTS.kind)}
          {item('processKey', <Select options={(processes.data ?? []).map((p) => ({ value: p.key, label: `${p.key}${p.active ? ` (${p.active.kind})` : ''}` }))} />)}
          {choice('matterType', CODE_LISTS.matterType)}
          {choice('exerciseLevel', CODE_LISTS.exerciseLevel)}
          {choice('serviceObjects', CODE_LISTS.serviceObjects, true)}
          {choice('caseType', CODE_LISTS.caseType)}
          {long('legalBasis')}
          {long('conditions')}
          {long('quantityLimit')}
        </Row>
      </Card>
      <Card size="small" title={t('matterAdmin.section.limits')} style={{ marginTop: 16 }}>
        <Row gutter={16}>
          {number('legalLimitDays', 1, 365)}
          {number('promisedLimitDays', 0, 365)}
          {number('warningWorkingDays', 1, 30)}
          {choice('limitUnit', CODE_LISTS.limitUnit)}
          {long('fees')}
          {toggle('chargesFee')}
          {toggle('onlinePayment')}
          {text('feeBasis')}
        </Row>
      </Card>
      <Card size="small" title={t('matterAdmin.section.handling')} style={{ marginTop: 16 }}>
        <Row gutter={16}>
          {choice('handlingForms', CODE_LISTS.handlingForms, true)}
          {choice('onlineServiceDepth', CODE_LISTS.onlineServiceDepth, true)}
          {toggle('appointmentAvailable')}
          {number('siteVisits', 0, 10)}
          {text('siteVisitReason')}
          {choice('resultType', CODE_LISTS.resultType)}
          {text('resultName')}
          {toggle('issuesElectronicLicence')}
          {choice('pickupMethods', CODE_LISTS.pickupMethods, true)}
          {long('pickupPlace')}
          {long('handlingPlace')}
          {long('handlingHours')}
          {text('consultationPhone')}
          {text('complaintPhone')}
        </Row>
      </Card>
      <Card size="small" title={label('faqs')} style={{ marginTop: 16 }}>
        <Form.List name="faqs">
          {(entries, { add, remove }) => (
            <>
              {entries.map((entry, index) => (
                <Row gutter={16} key={entry.key} align="bottom">
                  <Col xs={24} md={10}>
                    <Form.Item name={[entry.name, 'question']} label={`${t('matterAdmin.faqQuestion')} ${index + 1}`} rules={[{ required: true }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[entry.name, 'answer']} label={`${t('matterAdmin.faqAnswer')} ${index + 1}`} rules={[{ required: true }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={2}>
                    <Form.Item>
                      <Button onClick={() => remove(entry.name)} aria-label={`${t('matterAdmin.remove')} ${index + 1}`}>{t('matterAdmin.remove')}</Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button onClick={() => add({ question: '', answer: '' })}>{t('matterAdmin.addFaq')}</Button>
            </>
          )}
        </Form.List>
      </Card>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit">{t('common.save')}</Button>
      </Space>
    </Form>
  );
}
