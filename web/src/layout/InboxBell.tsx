import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { INBOX_CHANGED_EVENT } from '../lib/inbox';

const EVERY_MINUTE = 60_000;

/** 站内消息 in the header: the unread count, read again on each page change, each minute and when the inbox says so. */
export function InboxBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let current = true;
    const count = () =>
      api.get<{ unread: number }>('/api/notifications/unread-count').then(
        (answer) => current && setUnread(answer.unread),
        () => undefined,
      );
    void count();
    const timer = setInterval(count, EVERY_MINUTE);
    window.addEventListener(INBOX_CHANGED_EVENT, count);
    return () => {
      current = false;
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED_EVENT, count);
    };
  }, [location.pathname]);

  const label = `${t('inbox.title')}${unread ? `，${t('inbox.unread', { count: unread })}` : ''}`;
  return (
    <Badge count={unread} size="small" overflowCount={99}>
      <Button type="text" icon={<BellOutlined />} aria-label={label} title={label} onClick={() => navigate('/notifications')} data-unread={unread} />
    </Badge>
  );
}
