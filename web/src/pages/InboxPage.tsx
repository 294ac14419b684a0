import { Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useShowError } from '../api/useShowError';
import { useI18n } from '../i18n/I18n';
import { INBOX_CHANGED_EVENT, type InboxMessage, unreadCount } from '../lib/inbox';
import { beijingTime } from '../lib/time';

/** 站内消息: every notice sent to the account, newest first; unread ones marked, each marked read with one click. */
export default function InboxPage() {
  const { t } = useI18n();
  const showError = useShowError();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const inbox = useLoad(() => api.get<InboxMessage[]>(`/api/notifications${onlyUnread ? '?unread=true' : ''}`), String(onlyUnread));
  const messages = inbox.data ?? [];

  const markRead = (message: InboxMessage) =>
    api.post(`/api/notifications/${message.id}/read`).then(() => {
      inbox.reload();
      window.dispatchEvent(new Event(INBOX_CHANGED_EVENT));
    }, showError);

  return (
    <section aria-labelledby="inbox-title">
      <Space wrap align="baseline" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} id="inbox-title">
          {t('inbox.title')} {!onlyUnread && unreadCount(messages) > 0 && <Tag color="red">{t('inbox.unread', { count: unreadCount(messages) })}</Tag>}
        </Typography.Title>
        <Segmented
          aria-label={t('inbox.onlyUnread')}
          value={onlyUnread ? 'unread' : 'all'}
          onChange={(value) => setOnlyUnread(value === 'unread')}
          options={[{ value: 'all', label: t('common.all') }, { value: 'unread', label: t('inbox.onlyUnread') }]}
        />
      </Space>
      <List
        loading={inbox.loading}
        dataSource={messages}
        locale={{ emptyText: t('inbox.empty') }}
        renderItem={(message) => (
          <List.Item
            data-unread={!message.readAt}
            actions={[
              message.caseId && <Link key="case" to={`/cases/${message.caseId}`}>{t('inbox.openCase')}</Link>,
              message.readAt ? (
                <Typography.Text key="read" type="secondary">{t('inbox.read')}</Typography.Text>
              ) : (
                <Button key="read" size="small" onClick={() => void markRead(message)}>{t('inbox.markRead')}</Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={<span style={{ fontWeight: message.readAt ? 'normal' : 600 }}>{message.title}</span>}
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4, overflowWrap: 'anywhere' }}>{message.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">{beijingTime(message.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}
