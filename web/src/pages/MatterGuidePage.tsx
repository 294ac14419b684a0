import { Button, Descriptions, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, download } from '../api/client';
import type { GuideMaterial, ServiceGuide } from '../api/types';
import { useLoad } from '../api/useLoad';
import { useShowError } from '../api/useShowError';
import { useI18n } from '../i18n/I18n';

export default function MatterGuidePage() {
  const { matterId = '' } = useParams();
  const { t } = useI18n();
  const showError = useShowError();
  const { data: guide } = useLoad(() => api.get<ServiceGuide>(`/api/matters/${matterId}`), matterId);
  if (!guide) return <Skeleton active />;

  return (
    <article>
      <Typography.Title level={3}>{guide.name}</Typography.Title>
      <Link to={`/my/cases/new/${guide.id}`}>
        <Button type="primary" style={{ marginBottom: 16 }}>
          {t('matters.apply')}
        </Button>
      </Link>
      <Link to={`/my/consultations?department=${encodeURIComponent(guide.department.code)}&matterId=${guide.id}`} style={{ marginLeft: 16 }}>
        {t('ask.aboutMatter')}
      </Link>
      <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('matters.code')}>{guide.code}</Descriptions.Item>
        <Descriptions.Item label={t('matters.department')}>{guide.department.name}</Descriptions.Item>
        <Descriptions.Item label={t('matters.limits')}>
          {t('matters.days', { days: guide.promisedLimitDays })} / {t('matters.days', { days: guide.legalLimitDays })}
        </Descriptions.Item>
        <Descriptions.Item label="办理结果 Result">{guide.result?.name}</Descriptions.Item>
        <Descriptions.Item label="设定依据 Legal basis" span={2}>{guide.legalBasis}</Descriptions.Item>
        <Descriptions.Item label="受理条件 Conditions" span={2}>{guide.conditions}</Descriptions.Item>
        <Descriptions.Item label="办理地点 Place">{guide.handlingPlace}</Descriptions.Item>
        <Descriptions.Item label="咨询电话 Phone">{guide.consultationPhone}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('matters.materials')}
      </Typography.Title>
      <Table<GuideMaterial>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={guide.requiredMaterials}
        columns={[
          { title: t('matters.materials'), dataIndex: 'name' },
          { title: '', dataIndex: 'isRequired', render: (required: boolean) => <Tag color={required ? 'red' : 'default'}>{t(required ? 'matters.requiredItem' : 'matters.optionalItem')}</Tag> },
          { title: '', dataIndex: 'sourceName' },
          {
            title: t('matters.template'),
            dataIndex: 'template',
            render: (template: GuideMaterial['template']) =>
              template && (
                <Button type="link" onClick={() => download(template.downloadUrl, template.fileName).catch(showError)}>
                  {t('common.download')} {template.fileName}
                </Button>
              ),
          },
        ]}
      />
    </article>
  );
}
