/** The inbox's unread count is in the header; the inbox page tells it when a message was read. No imports: jest tests this file too. */
export const INBOX_CHANGED_EVENT = 'tongban:inbox-changed';

export interface InboxMessage {
  id: string;
  caseId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export const unreadCount = (messages: readonly Pick<InboxMessage, 'readAt'>[]) => messages.filter((message) => !message.readAt).length;

