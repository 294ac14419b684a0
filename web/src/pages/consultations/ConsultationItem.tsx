import { Card, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18n';
import { beijingDate, beijingTime } from '../../lib/time';

/** A consultation or complaint as GET /api/consultations/… shows it (src/consultations/consultation-views.ts). */
export interface Consultation {
  id: string;
  kind: 'consultation' | 'complaint';
  department: { code: string; name: string };
  matter: { id: string; name: string } | null;
  case: { id: string; caseNumber: string } | null;
  author: { id: string; name: string };
  subject: string;
  body: string;
  createdAt: string;
  status: 'open' | 'answered';
  dueDate: string | null;
  overdue: boolean;
  answer: { text: string; by: { id: string; name: string }; at: string } | null;
}

export interface ConsultationPage {
  total: number;
  items: Consultation[];
}

/** One message with what it is about, its due date, and the answer (or, for staff, the form to give it). */
export function ConsultationItem({ item, showAuthor, children }: { item: Consultation; showAuthor?: boolean; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-consultation={item.id}
      title={
        <Space wrap size={4}>
          <Tag color={item.kind === 'complaint' ? 'volcano' : 'blue'}>{t(item.kind === 'complaint' ? 'ask.complaint' : 'ask.consultation')}</Tag>
          <span style={{ whiteSpace: 'normal' }}>{item.subject}</span>
        </Space>
      }
      extra={<Tag color={item.status === 'answered' ? 'green' : 'gold'}>{t(item.status === 'answered' ? 'ask.answered' : 'ask.open')}</Tag>}
    >
      <Space wrap size={[12, 4]} style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{item.department.name}</Typography.Text>
        {item.matter && <Typography.Text type="secondary">{item.matter.name}</Typography.Text>}
        {item.case && <Link to={`/cases/${item.case.id}`}>{item.case.caseNumber}</Link>}
        {showAuthor && (
          <Typography.Text type="secondary">
            {t('ask.author')}: {item.author.name}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">
          {t('ask.writtenAt')}: {beijingTime(item.createdAt)}
        </Typography.Text>
        {item.dueDate && (
          <Typography.Text type="secondary">
            {t('ask.dueDate')}: {beijingDate(`${item.dueDate}T00:00:00+08:00`)}
          </Typography.Text>
        )}
        {item.overdue && <Tag color="red">{t('ask.overdue')}</Tag>}
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{item.body}</Typography.Paragraph>
      {item.answer && (
        <div style={{ background: '#f6ffed', padding: 12, borderRadius: 4 }}>
          <Typography.Text strong>{t('ask.answer')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0' }}>{item.answer.text}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('ask.answerBy', { name: item.answer.by.name, at: beijingTime(item.answer.at) })}</Typography.Text>
        </div>
      )}
      {children}
    </Card>
  );
}
