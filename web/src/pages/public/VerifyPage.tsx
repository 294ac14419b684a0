import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { useLoad } from '../../api/useLoad';
import { useI18n } from '../../i18n/I18n';
import { fileSize, isVerificationCode, verificationCodeOf } from '../../lib/public-queries';

/** GET /api/documents/verify: what the code stands for, nothing about the applicant. */
interface Verified {
  verificationCode: string;
  title: string;
  caseNumber: string;
  issuedBy: string | null;
  issuedOn: string;
  sizeBytes: number | null;
  sha256: string | null;
}

/** 文书核验 without login: the code printed on a notice or decision, in the address to share. */
export default function VerifyPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string }>();
  const code = verificationCodeOf(params.get('code'));
  const verified = useLoad(() => (code ? api.get<Verified>(`/api/documents/verify?code=${encodeURIComponent(code)}`) : Promise.resolve(undefined)), code);

  useEffect(() => {
    if (code) form.setFieldsValue({ code: params.get('code') ?? code });
  }, [code]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section aria-labelledby="verify-title" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Typography.Title level={3} id="verify-title">
        {t('public.verify')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.verifyHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={({ code: typed }) => navigate(`/verify?code=${encodeURIComponent(typed.trim())}`)}>
        <Form.Item
          name="code"
          label={t('public.verificationCode')}
          rules={[{ required: true, validator: (_, value: string = '') => (isVerificationCode(value) ? Promise.resolve() : Promise.reject(new Error(t('public.verificationCodeRule')))) }]}
        >
          <Input placeholder="7KQ2-M9XD-3FHT-W8PA" autoComplete="off" spellCheck={false} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={verified.loading && Boolean(code)}>
          {t('public.verify')}
        </Button>
      </Form>
      {code && verified.data && verificationCodeOf(verified.data.verificationCode) === code && (
        <>
          <Alert type="success" showIcon title={t('public.verified')} style={{ marginTop: 24 }} />
          <Descriptions column={1} size="small" bordered style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('public.verificationCode')}>{verified.data.verificationCode}</Descriptions.Item>
            <Descriptions.Item label={t('public.documentTitle')}>{verified.data.title}</Descriptions.Item>
            <Descriptions.Item label={t('cases.number')}>{verified.data.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={t('public.issuedBy')}>{verified.data.issuedBy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('public.issuedOn')}>{verified.data.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('public.size')}>{fileSize(verified.data.sizeBytes)}</Descriptions.Item>
            <Descriptions.Item label={t('public.digest')}>
              <Typography.Text code copyable style={{ overflowWrap: 'anywhere', wordBreak: 'break-all' }}>
                {verified.data.sha256 ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </section>
  );
}
