import { Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useShowError } from '../api/useShowError';
import { useAuth } from '../auth/Auth';
import { useI18n } from '../i18n/I18n';
import { homeFor } from '../lib/menu';

export default function LoginPage() {
  const { t } = useI18n();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const showError = useShowError();

  const onFinish = async ({ username, password }: { username: string; password: string }) => {
    try {
      const user = await login(username, password);
      navigate(params.get('next') ?? homeFor(user.roles), { replace: true });
    } catch (error) {
      showError(error, form, ['username', 'password']);
    }
  };

  return (
    <Card style={{ maxWidth: 420, margin: '32px auto' }}>
      <Typography.Title level={3}>{t('auth.loginTitle')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('auth.required', { field: t('auth.username') }) }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required', { field: t('auth.password') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block>
          {t('auth.login')}
        </Button>
      </Form>
      <Link to="/register" style={{ display: 'block', marginTop: 16 }}>
        {t('auth.noAccount')}
      </Link>
      <Link to="/password/reset" style={{ display: 'block', marginTop: 8 }}>
        {t('account.forgotPassword')}
      </Link>
    </Card>
  );
}
