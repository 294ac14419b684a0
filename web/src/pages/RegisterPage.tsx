import { App, Button, Card, Form, Input, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useShowError } from '../api/useShowError';
import { useI18n } from '../i18n/I18n';

const FIELDS = ['username', 'displayName', 'password'] as const;

export default function RegisterPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const showError = useShowError();

  const onFinish = async (values: Record<(typeof FIELDS)[number], string>) => {
    try {
      await api.post('/api/identity/register', values);
      void message.success(t('auth.registered'));
      navigate('/login');
    } catch (error) {
      showError(error, form, FIELDS);
    }
  };

  const label = { username: t('auth.username'), displayName: t('auth.displayName'), password: t('auth.password') };
  return (
    <Card style={{ maxWidth: 420, margin: '32px auto' }}>
      <Typography.Title level={3}>{t('auth.registerTitle')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={label[field]} rules={[{ required: true, message: t('auth.required', { field: label[field] }) }]}>
            {field === 'password' ? <Input.Password autoComplete="new-password" /> : <Input autoComplete={field === 'username' ? 'username' : 'name'} />}
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" block>
          {t('auth.register')}
        </Button>
      </Form>
      <Link to="/login" style={{ display: 'block', marginTop: 16 }}>
        {t('auth.haveAccount')}
      </Link>
    </Card>
  );
}
