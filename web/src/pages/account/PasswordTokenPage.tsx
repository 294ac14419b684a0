import { App, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useShowError } from '../../api/useShowError';
import { useSubmit } from '../../api/useSubmit';
import { useI18n } from '../../i18n/I18n';
import { NewPasswordFields } from './NewPasswordFields';

type Purpose = 'setup' | 'reset';

const CONFIRM_PATH: Record<Purpose, string> = { setup: '/api/identity/password-setup', reset: '/api/identity/password-reset/confirm' };

/**
 * A password from a one-time token: a new staff account's first one (设置密码, the token from the administrator,
 * also in the address as ?token=), or a forgotten one (找回密码: the token is asked for here and arrives by SMS,
 * e-mail or the inbox). Public: whoever holds the token has no password yet.
 */
export default function PasswordTokenPage({ purpose }: { purpose: Purpose }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, ['token', 'newPassword'], async ({ token, newPassword }: { token: string; newPassword: string }) => {
    await api.post(CONFIRM_PATH[purpose], { token: token.trim(), newPassword });
    void message.success(t('account.passwordSet'));
    navigate('/login');
  });

  return (
    <Card style={{ maxWidth: 460, margin: '32px auto' }}>
      <Typography.Title level={3}>{t(purpose === 'setup' ? 'account.setupTitle' : 'account.resetTitle')}</Typography.Title>
      {purpose === 'reset' && <ResetRequest />}
      {purpose === 'reset' && <Divider>{t('account.haveToken')}</Divider>}
      {purpose === 'setup' && <Typography.Paragraph type="secondary">{t('account.setupHint')}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ token: params.get('token') ?? '' }}>
        <Form.Item name="token" label={t('account.token')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('account.token') }) }]}>
          <Input autoComplete="one-time-code" spellCheck={false} />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('common.submit')}
        </Button>
      </Form>
      <Link to="/login" style={{ display: 'block', marginTop: 16 }}>
        {t('auth.haveAccount')}
      </Link>
    </Card>
  );
}

/** Asks for a reset token; the API answers alike whether or not the name exists, and so does the page. */
function ResetRequest() {
  const { t, pick } = useI18n();
  const [form] = Form.useForm();
  const showError = useShowError();
  const [answer, setAnswer] = useState<string | null>(null);

  const onFinish = ({ username }: { username: string }) =>
    api.post<{ message: { zh: string; en: string } }>('/api/identity/password-reset', { username: username.trim() }).then(
      (sent) => setAnswer(pick(sent.message)),
      (error) => showError(error, form, ['username']),
    );

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('account.requestHint')}</Typography.Paragraph>
      <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('auth.username') }) }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Button htmlType="submit" block>
        {t('account.requestToken')}
      </Button>
      {/* A live region: a screen reader says that the token was sent. */}
      <div role="status" style={{ marginTop: 12 }}>
        {answer && <Typography.Text type="success">{answer}</Typography.Text>}
      </div>
    </Form>
  );
}
