import { KeyOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/Auth';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages';
import { menuFor } from '../lib/menu';
import { InboxBell } from './InboxBell';

/** The header with the menu of the user's roles, the language switch and the account; the page below. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { user, logout } = useAuth();
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const narrow = !Grid.useBreakpoint().md;
  const entries = menuFor(user?.roles ?? []);
  const selected = entries.filter((entry) => entry.path === location.pathname || (entry.path !== '/' && location.pathname.startsWith(entry.path))).map((entry) => entry.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: narrow ? '0 8px' : '0 24px', background: '#fff', borderBottom: '1px solid #eee' }}>
        <Link to="/" style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ color: '#b71c1c', fontSize: narrow ? 15 : 18 }}>
            {narrow ? '通办' : t('app.title')}
          </Typography.Text>
        </Link>
        <nav aria-label="menu" style={{ flex: 1, minWidth: 0 }}>
          <Menu
            mode="horizontal"
            selectedKeys={selected.length ? selected : [location.pathname]}
            items={entries.map((entry) => ({ key: entry.path, label: <Link to={entry.path}>{t(entry.label as MessageKey)}</Link> }))}
            style={{ borderBottom: 'none' }}
          />
        </nav>
        <Space size="small">
          <Button type="text" aria-label={t('app.languageLabel')} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
            {t('app.language')}
          </Button>
          {user ? (
            <>
              {!narrow && <Typography.Text>{user.displayName}</Typography.Text>}
              <InboxBell />
              <Button type="text" icon={<KeyOutlined />} aria-label={t('account.changePassword')} title={t('account.changePassword')} onClick={() => navigate('/account/password')} />
              <Button onClick={() => void logout().then(() => navigate('/'))}>{t('auth.logout')}</Button>
            </>
          ) : (
            <Button type="primary" onClick={() => navigate('/login')}>
              {t('auth.login')}
            </Button>
          )}
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: narrow ? 8 : 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
