import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useShowError } from '../../api/useShowError';
import { useI18n } from '../../i18n/I18n';
import { NewPasswordFields } from './NewPasswordFields';

/** 修改密码 for any logged-in user: the current password, then the new one; the API ends the other sessions. */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ currentPassword, newPassword }: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await api.post('/api/identity/password', { currentPassword, newPassword });
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (error) {
      showError(error, form, ['currentPassword', 'newPassword']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 460, margin: '32px auto' }}>
      <Typography.Title level={3}>{t('account.changePassword')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
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
