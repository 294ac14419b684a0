import { App, Button, Card, Form, Select } from 'antd';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';

interface PublishedMatter {
  id: string;
  code: string;
  name: string;
  kind: string;
}

/** Every published matter, page by page (the catalogue answers at most 100 a page). */
async function publishedMatters(): Promise<PublishedMatter[]> {
  const all: PublishedMatter[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await api.get<Page<PublishedMatter>>(`/api/matters?page=${page}&pageSize=100`);
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

/** 事项绑定流程: a designer binds a published matter of the process's kind to it (PUT /api/matters/{id}/process). */
export function BindMatterCard({ processKey, kind, onBound }: { processKey: string; kind: string; onBound: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  const matters = useLoad(publishedMatters, 'published-matters');
  const bind = (values: { matterId: string }) =>
    api.put<{ processKey: string; activeVersion: number }>(`/api/matters/${values.matterId}/process`, { processKey }).then(
      (bound) => {
        void message.success(t('design.bound', { key: bound.processKey, version: bound.activeVersion }));
        onBound();
      },
      (error) => showError(error, form, ['processKey']),
    );
  return (
    <Card title={t('design.bindTitle')} size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="inline" onFinish={bind}>
        <Form.Item name="matterId" label={t('design.bindMatter')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 320 }}
            loading={matters.loading}
            options={(matters.data ?? []).filter((matter) => matter.kind === kind).map((matter) => ({ value: matter.id, label: `${matter.code} ${matter.name}` }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">{t('design.bind')}</Button>
      </Form>
    </Card>
  );
}
