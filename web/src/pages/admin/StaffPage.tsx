import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLoad } from '../../api/useLoad';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import type { MessageKey } from '../../i18n/messages';

interface StaffView {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  departmentCodes: string[];
  mobile: string | null;
  email: string | null;
  status: 'pending' | 'active' | 'disabled';
}

const STAFF_ROLES = ['window_staff', 'reviewer', 'decider', 'supervisor', 'process_designer', 'administrator'];
const FIELDS = ['username', 'displayName', 'roles', 'departmentCodes', 'mobile', 'email'];
const STATUS_COLOURS = { pending: 'gold', active: 'green', disabled: 'default' };

/** 人员管理: staff accounts with their roles and departments; created without a password, disabled at once. */
export default function StaffPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const showError = useShowError();
  const [filter, setFilter] = useState<{ department?: string; role?: string; status?: string }>({});
  const query = new URLSearchParams({ limit: '200', ...Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) }).toString();
  const staff = useLoad(() => api.get<Page<StaffView>>(`/api/admin/staff?${query}`), query);
  const departments = useLoad(() => api.get<{ code: string; name: string }[]>('/api/admin/departments'), 'departments');
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const roleLabel = (role: string) => t(`role.${role}` as MessageKey);

  const toggle = (member: StaffView) => {
    if (member.status === 'disabled') return void api.post(`/api/admin/staff/${member.id}/enable`).then(staff.reload, showError);
    let reason = '';
    modal.confirm({
      title: `${t('admin.disable')} ${member.displayName}`,
      content: <Input aria-label={t('admin.reason')} placeholder={t('admin.reason')} onChange={(event) => (reason = event.target.value)} />,
      onOk: () => api.post(`/api/admin/staff/${member.id}/disable`, { reason }).then(staff.reload, showError),
    });
  };
  // A new token replaces the old one: for a holder who lost theirs or let it expire before setting a password.
  const newSetupToken = (member: StaffView) =>
    api.post<{ token: string }>(`/api/admin/staff/${member.id}/password-setup`).then(
      (setup) => void modal.success({ title: `${t('admin.newSetupToken')}: ${member.displayName}`, content: <SetupToken token={setup.token} /> }),
      showError,
    );
  const filterSelect = (name: keyof typeof filter, options: { value: string; label: string }[]) => (
    <Select
      aria-label={t(name === 'department' ? 'admin.departments' : name === 'role' ? 'admin.roles' : 'admin.status')}
      placeholder={t(name === 'department' ? 'admin.departments' : name === 'role' ? 'admin.roles' : 'admin.status')}
      allowClear
      style={{ minWidth: 160 }}
      value={filter[name]}
      onChange={(value?: string) => setFilter((current) => ({ ...current, [name]: value }))}
      options={options}
    />
  );

  return (
    <section aria-labelledby="staff-title">
      <Typography.Title level={3} id="staff-title">
        {t('menu.staff')}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('admin.newStaff')}
        </Button>
        {filterSelect('department', (departments.data ?? []).map((department) => ({ value: department.code, label: `${department.code} ${department.name}` })))}
        {filterSelect('role', STAFF_ROLES.map((role) => ({ value: role, label: roleLabel(role) })))}
        {filterSelect('status', (['pending', 'active', 'disabled'] as const).map((status) => ({ value: status, label: t(`admin.status.${status}`) })))}
      </Space>
      <Table<StaffView>
        rowKey="id"
        size="small"
        loading={staff.loading}
        dataSource={staff.data?.items ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          { title: t('admin.roles'), dataIndex: 'roles', render: (roles: string[]) => roles.map((role) => <Tag key={role}>{roleLabel(role)}</Tag>) },
          { title: t('admin.departments'), dataIndex: 'departmentCodes', render: (codes: string[]) => codes.join(', ') || '—' },
          { title: t('admin.status'), dataIndex: 'status', render: (status: StaffView['status']) => <Tag color={STATUS_COLOURS[status]}>{t(`admin.status.${status}`)}</Tag> },
          {
            title: '',
            render: (_, member) => (
              <>
                <Button size="small" onClick={() => setEditing(member)}>{t('admin.edit')}</Button>{' '}
                {member.status === 'pending' && <><Button size="small" onClick={() => newSetupToken(member)}>{t('admin.newSetupToken')}</Button>{' '}</>}
                <Button size="small" danger={member.status !== 'disabled'} onClick={() => toggle(member)}>{t(member.status === 'disabled' ? 'admin.enable' : 'admin.disable')}</Button>
              </>
            ),
          },
        ]}
      />
      {editing && (
        <StaffDialog
          member={editing === 'new' ? null : editing}
          departments={departments.data ?? []}
          roleLabel={roleLabel}
          onClose={(saved) => {
            setEditing(null);
            if (saved) staff.reload();
          }}
        />
      )}
    </section>
  );
}

function StaffDialog({ member, departments, roleLabel, onClose }: { member: StaffView | null; departments: { code: string; name: string }[]; roleLabel: (role: string) => string; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [form] = Form.useForm();
  const [setupToken, setSetupToken] = useState<string | null>(null);
  const save = async (values: Omit<StaffView, 'id' | 'status'>) => {
    const body = { ...values, mobile: values.mobile || undefined, email: values.email || undefined };
    try {
      if (member) {
        const { username: _, ...changes } = body;
        await api.put(`/api/admin/staff/${member.id}`, changes);
        onClose(true);
      } else {
        const created = await api.post<{ passwordSetup: { token: string } }>('/api/admin/staff', body);
        setSetupToken(created.passwordSetup.token);
      }
    } catch (error) {
      showError(error, form, FIELDS);
    }
  };
  if (setupToken) {
    return (
      <Modal open title={t('admin.newStaff')} onOk={() => onClose(true)} onCancel={() => onClose(true)} cancelButtonProps={{ style: { display: 'none' } }}>
        <SetupToken token={setupToken} />
      </Modal>
    );
  }
  return (
    <Modal open title={member ? member.displayName : t('admin.newStaff')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={() => onClose(false)}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={member ?? { roles: [], departmentCodes: [] }}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
          <Input disabled={Boolean(member)} />
        </Form.Item>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={t('admin.roles')} rules={[{ required: true }]}>
          <Select mode="multiple" options={STAFF_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))} />
        </Form.Item>
        <Form.Item name="departmentCodes" label={t('admin.departments')}>
          <Select mode="multiple" options={departments.map((department) => ({ value: department.code, label: `${department.code} ${department.name}` }))} />
        </Form.Item>
        <Form.Item name="mobile" label={t('admin.mobile')}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('admin.email')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function SetupToken({ token }: { token: string }) {
  const { t } = useI18n();
  // The holder opens the link and sets their password there; the bare token is for telling it over the phone.
  const link = `${window.location.origin}/password/setup?token=${encodeURIComponent(token)}`;
  return (
    <Alert
      type="success"
      message={t('admin.setupToken')}
      description={
        <>
          <Typography.Text copyable code>{token}</Typography.Text>
          <div>{t('admin.setupLink')} <Typography.Link copyable={{ text: link }} href={link}>{link}</Typography.Link></div>
        </>
      }
    />
  );
}
