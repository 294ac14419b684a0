import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { api, download } from '../../../api/client';
import { useShowError } from '../../../api/useShowError';
import { useI18n } from '../../../i18n/I18n';
import type { MessageKey } from '../../../i18n/messages';
import { CODE_LISTS, FILE_FORMATS, MATERIAL_FIELDS, materialBody, moved, optionsOf } from '../../../lib/matter-form';

export interface MaterialItem {
  id: string;
  name: string;
  description: string;
  originalCopies: number;
  photocopies: number;
  isRequired: boolean;
  source: string;
  issuer: string | null;
  form: string;
  fillingNotes: string | null;
  acceptedFormats: string[];
  maxFiles: number;
  template: { fileName: string } | null;
}

/** 申请材料: the matter's list of materials in the guide's order; each added, edited, moved, removed, with its blank form. */
export function MaterialsEditor({ matterId, items, onChanged }: { matterId: string; items: MaterialItem[]; onChanged: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const [editing, setEditing] = useState<MaterialItem | 'new' | null>(null);
  const base = `/api/admin/matters/${matterId}`;
  const done = () => (void message.success(t('cases.done')), onChanged());

  const move = (index: number, step: -1 | 1) =>
    api.put(`${base}/material-order`, { itemIds: moved(items.map((item) => item.id), index, step) }).then(done, showError);
  const remove = (item: MaterialItem) =>
    modal.confirm({
      title: `${t('matterAdmin.remove')} ${item.name}`,
      okText: t('matterAdmin.remove'),
      cancelText: t('common.cancel'),
      onOk: () => api.delete(`${base}/materials/${item.id}`).then(done, showError),
    });
  const uploadTemplate = (item: MaterialItem, file: File) => api.putFile(`${base}/materials/${item.id}/template`, file).then(done, showError);

  return (
    <>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
        {t('matterAdmin.addMaterial')}
      </Button>
      <Table<MaterialItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={items}
        scroll={{ x: 900 }}
        columns={[
          { title: '#', render: (_, __, index) => index + 1, width: 40 },
          { title: t('matterAdmin.material.name'), dataIndex: 'name' },
          { title: t('matterAdmin.material.isRequired'), dataIndex: 'isRequired', render: (required: boolean) => (required ? t('matters.requiredItem') : t('matters.optionalItem')) },
          { title: t('matters.formats'), dataIndex: 'acceptedFormats', render: (formats: string[]) => formats.join(', ') },
          {
            title: t('matters.template'),
            render: (_, item) => (
              <Space wrap size={4}>
                {item.template && (
                  <Button size="small" type="link" onClick={() => void download(`${base}/materials/${item.id}/template`, item.template!.fileName).catch(showError)}>
                    {item.template.fileName}
                  </Button>
                )}
                <Upload showUploadList={false} beforeUpload={(file) => (void uploadTemplate(item, file), false)}>
                  <Button size="small" aria-label={`${t('matterAdmin.uploadTemplate')} ${item.name}`}>{t(item.template ? 'matterAdmin.replaceTemplate' : 'matterAdmin.uploadTemplate')}</Button>
                </Upload>
                {item.template && (
                  <Button size="small" danger onClick={() => api.delete(`${base}/materials/${item.id}/template`).then(done, showError)}>{t('matterAdmin.removeTemplate')}</Button>
                )}
              </Space>
            ),
          },
          {
            title: '',
            render: (_, item, index) => (
              <Space size={4}>
                <Button size="small" disabled={index === 0} aria-label={`${t('matterAdmin.moveUp')} ${item.name}`} onClick={() => move(index, -1)}>↑</Button>
                <Button size="small" disabled={index === items.length - 1} aria-label={`${t('matterAdmin.moveDown')} ${item.name}`} onClick={() => move(index, 1)}>↓</Button>
                <Button size="small" onClick={() => setEditing(item)}>{t('admin.edit')}</Button>
                <Button size="small" danger onClick={() => remove(item)}>{t('matterAdmin.remove')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <MaterialDialog
          item={editing === 'new' ? null : editing}
          path={editing === 'new' ? `${base}/materials` : `${base}/materials/${editing.id}`}
          onClose={(saved) => {
            setEditing(null);
            if (saved) done();
          }}
        />
      )}
    </>
  );
}

const NEW_ITEM = { originalCopies: 1, photocopies: 0, isRequired: true, source: 'applicant', form: 'paper_and_electronic', acceptedFormats: ['pdf'], maxFiles: 1 };

function MaterialDialog({ item, path, onClose }: { item: MaterialItem | null; path: string; onClose: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm();
  const cell = (field: string, control: ReactNode, span = 12, valuePropName = 'value') => (
    <Col span={span}>
      <Form.Item name={field} label={t(`matterAdmin.material.${field}` as MessageKey)} valuePropName={valuePropName}>
        {control}
      </Form.Item>
    </Col>
  );
  const save = async (values: Record<string, unknown>) => {
    try {
      await (item ? api.put(path, materialBody(values)) : api.post(path, materialBody(values)));
      onClose(true);
    } catch (error) {
      showError(error, form, MATERIAL_FIELDS);
    }
  };
  return (
    <Modal open width={720} title={item ? item.name : t('matterAdmin.addMaterial')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)}>
      <Form form={form} name="material" layout="vertical" onFinish={save} initialValues={item ?? NEW_ITEM}>
        <Row gutter={16}>
          {cell('name', <Input />, 24)}
          {cell('description', <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />, 24)}
          {cell('originalCopies', <InputNumber min={0} max={20} style={{ width: '100%' }} />, 8)}
          {cell('photocopies', <InputNumber min={0} max={20} style={{ width: '100%' }} />, 8)}
          {cell('isRequired', <Switch />, 8, 'checked')}
          {cell('source', <Select options={optionsOf(CODE_LISTS.source, lang)} />)}
          {cell('issuer', <Input />)}
          {cell('form', <Select options={optionsOf(CODE_LISTS.form, lang)} />)}
          {cell('maxFiles', <InputNumber min={1} max={50} style={{ width: '100%' }} />)}
          {cell('acceptedFormats', <Select mode="multiple" options={FILE_FORMATS.map((format) => ({ value: format, label: format }))} />, 24)}
          {cell('fillingNotes', <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />, 24)}
        </Row>
      </Form>
    </Modal>
  );
}
