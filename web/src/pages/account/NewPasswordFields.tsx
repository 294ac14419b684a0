import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/I18n';

/** The new password twice (the API checks its strength and names what is wrong under the first field). */
export function NewPasswordFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('account.passwordRule')}
        rules={[{ required: true, message: t('auth.required', { field: t('account.newPassword') }) }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('auth.required', { field: t('account.confirmPassword') }) },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordsDiffer')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
