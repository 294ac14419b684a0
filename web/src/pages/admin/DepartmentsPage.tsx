import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { ChangeHistory, type HistoryEntry } from '../../components/ChangeHistory';
import { useI18n } from '../../i18n/I18n';

interface DepartmentView {
  id: string;
  code: string;
  name: string;
  level: string;
  levelName: { zh: string; en: string } | string;
  parent: { code: string; name: string } | null;
  head: { id: string; name: string } | null;
  staffCount: number;
  matterCount: number;
}

const LEVELS = ['province', 'city', 'county'];
const FIELDS = ['code', 'name', 'level', 'parentCode', 'headId'];

/** 部门管理: the centre's departments, their levels and parents; one dialog creates or edits. */
export default function DepartmentsPage() {
  const { t, pick } = useI18n();
  const departments = useLoad(() => api.get<DepartmentView[]>('/api/admin/departments'), 'departments');
  const [editing, setEditing] = useState<DepartmentView | 'new' | null>(null);
  const [historyOf, setHistoryOf] = useState<DepartmentView | null>(null);
  return (
    <section aria-labelledby="departments-title">
      <Typography.Title level={3} id="departments-title">
        {t('menu.departments')}
      </Typography.Title>
      <Button type="primary" onClick={() => setEditing('new')} style={{ marginBottom: 16 }}>
        {t('admin.newDepartment')}
      </Button>
      <Table<DepartmentView>
        rowKey="id"
        size="small"
        loading={departments.loading}
        dataSource={departments.data ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: t('admin.code'), dataIndex: 'code' },
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.level'), dataIndex: 'levelName', render: (name: DepartmentView['levelName']) => (typeof name === 'string' ? name : pick(name)) },
          { title: t('admin.parent'), dataIndex: 'parent', render: (parent: DepartmentView['parent']) => parent?.name ?? '—' },
          { title: t('admin.head'), dataIndex: 'head', render: (head: DepartmentView['head']) => head?.name ?? '—' },
          { title: t('menu.staff'), dataIndex: 'staffCount' },
          { title: t('menu.matters'), dataIndex: 'matterCount' },
          {
            title: '',
            render: (_, department) => (
              <Space size={4}>
                <Button onClick={() => setEditing(department)} aria-label={`${t('admin.edit')} ${department.code}`}>{t('admin.edit')}</Button>
                <Button onClick={() => setHistoryOf(department)} aria-label={`${t('admin.history')} ${department.code}`}>{t('admin.history')}</Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <DepartmentDialog
          department={editing === 'new' ? null : editing}
          all={departments.data ?? []}
          onClose={(saved) => {
            setEditing(null);
            if (saved) departments.reload();
          }}
        />
      )}
      {historyOf && <DepartmentHistory department={historyOf} onClose={() => setHistoryOf(null)} />}
    </section>
  );
}

function DepartmentDialog({ department, all, onClose }: { department: DepartmentView | null; all: DepartmentView[]; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm();
  // The head must be an active member of the department's own staff: only those are offered.
  const staff = useLoad(
    () => (department ? api.get<Page<{ id: string; displayName: string; username: string }>>(`/api/admin/staff?department=${department.code}&status=active&limit=200`) : Promise.resolve(undefined)),
    department?.code ?? '',
  );
  const save = async (values: { code?: string; name: string; level: string; parentCode?: string | null; headId?: string | null }) => {
    try {
      if (department) await api.put(`/api/admin/departments/${department.code}`, { name: values.name, level: values.level, parentCode: values.parentCode ?? null, headId: values.headId ?? null });
      else await api.post('/api/admin/departments', { ...values, parentCode: values.parentCode || undefined });
      void message.success(t('cases.done'));
      onClose(true);
    } catch (error) {
      showError(error, form, FIELDS);
    }
  };
  return (
    <Modal open title={department ? department.name : t('admin.newDepartment')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={department ? { ...department, parentCode: department.parent?.code, headId: department.head?.id } : { level: 'county' }}>
        <Form.Item name="code" label={t('admin.code')} rules={[{ required: true }]}>
          <Input disabled={Boolean(department)} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.name')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="level" label={t('admin.level')}>
          <Select options={LEVELS.map((level) => ({ value: level, label: t(`admin.level.${level}` as 'admin.level.city') }))} />
        </Form.Item>
        <Form.Item name="parentCode" label={t('admin.parent')}>
          <Select allowClear options={all.filter((other) => other.code !== department?.code).map((other) => ({ value: other.code, label: `${other.code} ${other.name}` }))} />
        </Form.Item>
        {department && (
          <Form.Item name="headId" label={t('admin.head')}>
            <Select allowClear loading={staff.loading} options={(staff.data?.items ?? []).map((member) => ({ value: member.id, label: `${member.displayName} (${member.username})` }))} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function DepartmentHistory({ department, onClose }: { department: DepartmentView; onClose: () => void }) {
  const { t } = useI18n();
  const history = useLoad(() => api.get<HistoryEntry[]>(`/api/admin/departments/${department.code}/history`), department.code);
  return (
    <Modal open width={760} title={`${department.name}: ${t('admin.history')}`} footer={null} onCancel={onClose}>
      <ChangeHistory entries={history.data ?? []} loading={history.loading} />
    </Modal>
  );
}
