import { App, Button, Card, Form, Input, Typography } from 'antd';
import { api } from '../../api/client';
import { useSubmit } from '../../api/useSubmit';
import { useI18n } from '../../i18n/I18n';
import { NewPasswordFields } from './NewPasswordFields';

/** 修改密码 for any logged-in user: the current password, then the new one; the API ends the other sessions. */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, ['currentPassword', 'newPassword'], async ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) => {
    await api.post('/api/identity/password', { currentPassword, newPassword });
    form.resetFields();
    void message.success(t('account.passwordChanged'));
  });

  return (
    <Card style={{ maxWidth: 460, margin: '32px auto' }}>
      <Typography.Title level={3}>{t('account.changePassword')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('auth.required', { field: t('account.currentPassword') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
