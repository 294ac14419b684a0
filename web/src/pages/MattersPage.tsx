import { Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import type { Department, MatterSummary, Page } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useI18n } from '../i18n/I18n';

/** The public catalogue: search by name or code, filter by department, each matter's guide one click away. */
export function MattersPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ page: String(page), pageSize: '10', ...(q ? { q } : {}), ...(department ? { department } : {}) }).toString();
  const matters = useLoad(() => api.get<Page<MatterSummary>>(`/api/matters?${query}`), query);
  const departments = useLoad(() => api.get<Department[] | { items: Department[] }>('/api/departments'), 'departments');
  const departmentList = Array.isArray(departments.data) ? departments.data : (departments.data?.items ?? []);

  return (
    <section aria-labelledby="matters-title">
      <Typography.Title level={3} id="matters-title">
        {t('menu.matters')}
      </Typography.Title>
      <nav aria-label={t('public.progress')} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Link to="/progress">{t('public.progress')}</Link>
          <Link to="/verify">{t('public.verify')}</Link>
        </Space>
      </nav>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('matters.searchPlaceholder')}
          placeholder={t('matters.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(value) => {
            setQ(value.trim());
            setPage(1);
          }}
          style={{ maxWidth: 360 }}
        />
        <Select
          aria-label={t('matters.department')}
          placeholder={t('matters.department')}
          allowClear
          style={{ minWidth: 200 }}
          value={department}
          onChange={(value) => {
            setDepartment(value);
            setPage(1);
          }}
          options={departmentList.map((d) => ({ value: d.code, label: d.name }))}
        />
      </Space>
      <List
        loading={matters.loading}
        dataSource={matters.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: matters.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        renderItem={(matter) => (
          <List.Item actions={[<Link key="guide" to={`/matters/${matter.id}`}>{t('matters.guide')}</Link>, <Link key="apply" to={`/my/cases/new/${matter.id}`}>{t('matters.apply')}</Link>]}>
            <List.Item.Meta
              title={<Link to={`/matters/${matter.id}`}>{matter.name}</Link>}
              description={
                <Space wrap size={4}>
                  <Tag>{matter.code}</Tag>
                  <Tag color="blue">{matter.department.name}</Tag>
                  <span>
                    {t('matters.limits')}: {t('matters.days', { days: matter.promisedLimitDays })} / {t('matters.days', { days: matter.legalLimitDays })}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Button type="link" href="/api/docs">
        API
      </Button>
    </section>
  );
}
