import { Button, Card, Col, Descriptions, Form, Input, List, Modal, Rate, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api, blobUrl, download } from '../api/client';
import type { CaseDetail, Checklist, ClockLimit, StoredMaterial } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useShowError } from '../api/useShowError';
import { useAuth } from '../auth/Auth';
import { CaseActions } from '../components/CaseActions';
import { CaseFollowUps } from '../components/CaseFollowUps';
import { CasePosition } from '../components/CasePosition';
import { PaperReceived } from '../components/PaperReceived';
import { ReassignTask } from '../components/ReassignTask';
import { useI18n } from '../i18n/I18n';
import { BASIC_FIELDS } from '../lib/basic-fields';
import { MaterialItem } from './FilingPage';
import { daysLeftText } from '../lib/board-query';
import { beijingDate, beijingTime } from '../lib/time';

interface TimelineEntry {
  at: string;
  actionName: { zh: string; en: string } | string;
  actor: { name: string };
  to: { name: string } | null;
  comment: string | null;
}

interface CaseDocument {
  id: string;
  title: string;
  verificationCode: string;
}


/** One case for whoever may see it: its stage, materials, documents and timeline, and the actions its open tasks offer them. */
export default function CasePage() {
  const { caseId = '' } = useParams();
  const { t, pick } = useI18n();
  const { user } = useAuth();
  const showError = useShowError();
  const kase = useLoad(() => api.get<CaseDetail>(`/api/cases/${caseId}`), caseId);
  const timeline = useLoad(() => api.get<TimelineEntry[]>(`/api/cases/${caseId}/timeline`), caseId + (kase.data?.stage ?? ''));
  const checklist = useLoad(() => api.get<Checklist>(`/api/cases/${caseId}/material-checklist`), caseId + (kase.data?.stage ?? ''));
  const documents = useLoad(() => api.get<CaseDocument[]>(`/api/cases/${caseId}/documents`), caseId + (kase.data?.stage ?? ''));
  const [preview, setPreview] = useState<{ url: string; type: string; name: string } | null>(null);
  if (!kase.data) return <Skeleton active />;
  const detail = kase.data;
  const mine = detail.openTasks.filter((task) => task.yours);
  // Only a walk-in case's checklist says what paper the window received.
  const paperItems = (checklist.data?.items ?? []).filter((item) => item.paperReceived !== undefined);
  const open = (file: StoredMaterial) => blobUrl(`/api/cases/${caseId}/materials/${file.id}/content`).then((blob) => setPreview({ ...blob, name: file.fileName }), showError);

  return (
    <article>
      <Typography.Title level={3}>
        {detail.caseNumber} <Tag color="blue">{detail.stageName}</Tag>
      </Typography.Title>
      {detail.clock && <Deadlines clock={detail.clock} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('filing.basic')} size="small">
            <Descriptions column={1} size="small">
              {BASIC_FIELDS.map((field) => (
                <Descriptions.Item key={field.name} label={t(field.label)}>
                  {detail.basicInformation[field.name]}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
          {user?.roles.includes('applicant') && <CaseFollowUps kase={detail} onWithdrawn={kase.reload} />}
          {mine.length > 0 && (
            <Space wrap style={{ marginTop: 16 }}>
              {mine.map((task) => (
                <span key={task.id}>
                  {task.name} <ReassignTask taskId={task.id} onDone={kase.reload} />
                </span>
              ))}
            </Space>
          )}
          {mine.length > 0 && <CaseActions caseId={caseId} actions={[...new Set(mine.flatMap((task) => task.actions))]} items={checklist.data?.items} onDone={kase.reload} />}
          {checklist.data?.acceptingFiles && checklist.data.notice && (
            <Card title={t('cases.supplementNotice')} size="small" style={{ marginTop: 16 }}>
              {checklist.data.notice.items.map((noticed) => {
                const item = checklist.data!.items.find((candidate) => candidate.id === noticed.requiredMaterialId);
                return (
                  <div key={`${noticed.requiredMaterialId}-${noticed.problem}`} style={{ marginBottom: 16 }}>
                    <Typography.Paragraph type="warning" style={{ marginBottom: 4 }}>
                      {noticed.name}：{noticed.problem}
                    </Typography.Paragraph>
                    {item && <MaterialItem caseId={caseId} item={item} onUploaded={checklist.reload} />}
                  </div>
                );
              })}
            </Card>
          )}
          <Card title={t('cases.materials')} size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={(checklist.data?.items ?? []).flatMap((item) => [...item.submitted.flatMap((round) => round.files), ...item.pending].map((file) => ({ item: item.name, file })))}
              locale={{ emptyText: t('common.none') }}
              renderItem={({ item, file }) => (
                <List.Item actions={[<Button key="view" type="link" onClick={() => void open(file)}>{t('common.view')}</Button>]}>
                  {item}: {file.fileName}
                </List.Item>
              )}
            />
          </Card>
          {user?.roles.includes('window_staff') && paperItems.length > 0 && (
            <Card title={t('paper.title')} size="small" style={{ marginTop: 16 }}>
              {paperItems.map((item) => (
                <div key={item.id} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{item.name}</Typography.Text>
                  <PaperReceived caseId={caseId} itemId={item.id} receipt={item.paperReceived ?? null} onChanged={checklist.reload} />
                </div>
              ))}
            </Card>
          )}
          <Card title={t('cases.documents')} size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={documents.data ?? []}
              locale={{ emptyText: t('common.none') }}
              renderItem={(document) => (
                <List.Item actions={[<Button key="dl" type="link" onClick={() => download(`/api/cases/${caseId}/documents/${document.id}/content`, `${document.title}.pdf`).catch(showError)}>{t('common.download')}</Button>]}>
                  {document.title} <Typography.Text type="secondary">{document.verificationCode}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          {detail.status === 'closed' && <Rating caseId={caseId} />}
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('cases.timeline')} size="small">
            <Timeline
              items={(timeline.data ?? []).map((entry) => ({
                children: (
                  <>
                    <div>
                      {beijingTime(entry.at)} {typeof entry.actionName === 'string' ? entry.actionName : pick(entry.actionName)} {entry.to && `→ ${entry.to.name}`}
                    </div>
                    <Typography.Text type="secondary">
                      {entry.actor.name}
                      {entry.comment && `：${entry.comment}`}
                    </Typography.Text>
                  </>
                ),
              }))}
            />
          </Card>
          {!user?.roles.includes('applicant') && <CasePosition caseId={caseId} stage={detail.stage} />}
        </Col>
      </Row>
      <Modal open={Boolean(preview)} title={preview?.name} footer={null} width="90vw" onCancel={() => setPreview(null)}>
        {preview?.type.startsWith('image/') ? <img src={preview.url} alt={preview.name} style={{ maxWidth: '100%' }} /> : preview && <iframe title={preview.name} src={preview.url} style={{ width: '100%', height: '75vh', border: 0 }} />}
      </Modal>
    </article>
  );
}

const ALERT_COLOURS: Record<string, string> = { red: 'red', yellow: 'gold', green: 'green' };

/** The promised and legal deadlines with the working days left, coloured by the case's alert; a pause says why. */
function Deadlines({ clock }: { clock: NonNullable<CaseDetail['clock']> }) {
  const { t, lang, pick } = useI18n();
  const limit = (label: string, value: ClockLimit) =>
    value.deadline && (
      <span>
        {label}: <Tag color={ALERT_COLOURS[clock.alert ?? ''] ?? 'default'}>{beijingDate(value.deadline)}</Tag>
        {value.remainingDays !== null && daysLeftText(value.remainingDays, lang)}
      </span>
    );
  return (
    <Space wrap size="large" style={{ marginBottom: 16 }}>
      {limit(t('cases.deadline'), clock.promised)}
      {limit(t('cases.legalDeadline'), clock.legal)}
      {clock.pause && <Tag color="purple">{pick(clock.pause.kindName)}</Tag>}
    </Space>
  );
}

function Rating({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const showError = useShowError();
  const [form] = Form.useForm();
  const rating = useLoad(() => api.get<{ level: number } | null>(`/api/cases/${caseId}/rating`).catch(() => null), caseId);
  if (!user?.roles.includes('applicant')) return null;
  if (rating.data) return <Card size="small" style={{ marginTop: 16 }}>{t('cases.rated')}: {rating.data.level}</Card>;
  const send = (values: { stars: number; reason?: string }) =>
    api.post(`/api/cases/${caseId}/rating`, { level: 6 - values.stars, reason: values.reason || undefined }).then(rating.reload, (error) => showError(error, form, ['reason']));
  return (
    <Card title={t('cases.rate')} size="small" style={{ marginTop: 16 }}>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item name="stars" label={t('cases.rate')} rules={[{ required: true }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="reason" label={t('cases.ratingReason')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit">{t('common.submit')}</Button>
      </Form>
    </Card>
  );
}
