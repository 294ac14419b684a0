import { Button, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { CODE_LISTS, MATTER_STATUS_NAMES, STATUS_COLOURS } from '../../lib/matter-form';

interface AdminMatterRow {
  id: string;
  code: string;
  name: string;
  department: { code: string; name: string };
  kind: keyof typeof CODE_LISTS.kind;
  status: string;
  processKey: string;
}

/** 事项管理: every matter whatever its status (草稿, 已发布, 已撤回), searched and filtered; each opens its editor. */
export default function MattersAdminPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), pageSize: '20', ...(status ? { status } : {}), ...(q ? { q } : {}) }).toString();
  const matters = useLoad(() => api.get<Page<AdminMatterRow>>(`/api/admin/matters?${query}`), query);
  const name = (pair: readonly [string, string] | undefined) => (pair ? pair[lang === 'zh' ? 0 : 1] : '—');

  return (
    <section aria-labelledby="matters-admin-title">
      <Typography.Title level={3} id="matters-admin-title">
        {t('menu.matterAdmin')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => navigate('/admin/matters/new')}>{t('matterAdmin.new')}</Button>
        <Input.Search
          aria-label={t('matters.searchPlaceholder')}
          placeholder={t('matters.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(value) => (setQ(value.trim()), setPage(1))}
          style={{ maxWidth: 320 }}
        />
        <Radio.Group
          aria-label={t('admin.status')}
          optionType="button"
          value={status}
          onChange={(event) => (setStatus(event.target.value as string), setPage(1))}
          options={[{ value: '', label: t('common.all') }, ...Object.entries(MATTER_STATUS_NAMES).map(([value, pair]) => ({ value, label: name(pair) }))]}
        />
      </Space>
      <Table<AdminMatterRow>
        rowKey="id"
        size="small"
        loading={matters.loading}
        dataSource={matters.data?.items ?? []}
        scroll={{ x: 800 }}
        pagination={{ current: page, pageSize: 20, total: matters.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t('matters.code'), dataIndex: 'code' },
          { title: t('matters.name'), dataIndex: 'name', render: (text: string, matter) => <Link to={`/admin/matters/${matter.id}`}>{text}</Link> },
          { title: t('matters.department'), render: (_, matter) => matter.department.name },
          { title: t('matterAdmin.field.kind'), dataIndex: 'kind', render: (kind: AdminMatterRow['kind']) => name(CODE_LISTS.kind[kind]) },
          { title: t('matterAdmin.field.processKey'), dataIndex: 'processKey' },
          { title: t('admin.status'), dataIndex: 'status', render: (value: string) => <Tag color={STATUS_COLOURS[value]}>{name(MATTER_STATUS_NAMES[value])}</Tag> },
        ]}
      />
    </section>
  );
}
