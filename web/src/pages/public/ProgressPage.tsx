import { Button, Card, Descriptions, Form, Input, Tag, Timeline, Typography } from 'antd';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { isQueryCode, type ProgressKeys, progressKeysOf, progressSearch } from '../../lib/public-queries';
import { beijingDate, beijingTime } from '../../lib/time';

/** GET /api/progress (src/cases/case-progress.service.ts): the stage and steps, never names, comments or materials. */
interface Progress {
  caseNumber: string;
  matterName: string;
  projectName: string | null;
  stageName: string;
  status: 'open' | 'closed';
  submittedAt: string | null;
  closedAt: string | null;
  acceptedOn: string | null;
  promisedDeadline: string | null;
  steps: { at: string; action: { zh: string; en: string }; stage: string }[];
}

/** 办件查询 (我要查) without login: the case number and query code from the receipt; the look-up is in the address to bookmark. */
export default function ProgressPage() {
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProgressKeys>();
  const keys = progressKeysOf(location.search);
  const search = keys ? progressSearch(keys) : '';
  const progress = useLoad(() => (keys ? api.get<Progress>(`/api/progress?${search}`) : Promise.resolve(undefined)), search);

  useEffect(() => {
    if (keys) form.setFieldsValue(keys);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section aria-labelledby="progress-title" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={3} id="progress-title">
        {t('public.progress')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.progressHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => navigate(`/progress?${progressSearch(values)}`)}>
        <Form.Item name="caseNumber" label={t('public.caseNumber')} rules={[{ required: true, whitespace: true, message: t('auth.required', { field: t('public.caseNumber') }) }]}>
          <Input placeholder="LCJ-20261128-000042" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="queryCode"
          label={t('public.queryCode')}
          extra={t('public.queryCodeRule')}
          rules={[{ required: true, validator: (_, value: string = '') => (isQueryCode(value) ? Promise.resolve() : Promise.reject(new Error(t('public.queryCodeRule')))) }]}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={12} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={progress.loading && Boolean(keys)}>
          {t('public.query')}
        </Button>
      </Form>
      {keys && progress.data?.caseNumber === keys.caseNumber && <ProgressCard progress={progress.data} />}
    </section>
  );
}

function ProgressCard({ progress }: { progress: Progress }) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 24 }} title={progress.caseNumber} extra={<Tag color={progress.status === 'closed' ? 'default' : 'blue'}>{progress.stageName}</Tag>}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('cases.matter')}>{progress.matterName}</Descriptions.Item>
        {progress.projectName && <Descriptions.Item label={t('cases.project')}>{progress.projectName}</Descriptions.Item>}
        <Descriptions.Item label={t('public.submittedAt')}>{beijingTime(progress.submittedAt)}</Descriptions.Item>
        {progress.acceptedOn && <Descriptions.Item label={t('public.acceptedOn')}>{progress.acceptedOn}</Descriptions.Item>}
        {progress.promisedDeadline && <Descriptions.Item label={t('cases.deadline')}>{beijingDate(progress.promisedDeadline)}</Descriptions.Item>}
        {progress.closedAt && <Descriptions.Item label={t('public.closedAt')}>{beijingTime(progress.closedAt)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5}>{t('public.steps')}</Typography.Title>
      <Timeline
        items={progress.steps.map((step) => ({
          children: (
            <>
              <div>
                {beijingTime(step.at)} {pick(step.action)}
              </div>
              <Typography.Text type="secondary">→ {step.stage}</Typography.Text>
            </>
          ),
        }))}
      />
    </Card>
  );
}
