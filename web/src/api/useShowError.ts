import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useI18n } from '../i18n/I18n';
import { ApiError, formFieldErrors } from '../lib/api-errors';

/**
 * Shows a failed request: each field's problems under that field of the form, and the API's message
 * (with the problems of fields the form does not show) as a message at the top.
 */
export function useShowError() {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return useCallback(
    (error: unknown, form?: FormInstance, shownFields: readonly string[] = []) => {
      const failure = error instanceof ApiError ? error : new ApiError(0, null);
      const { marked, unshown } = formFieldErrors(failure.fields, form ? shownFields : []);
      if (form && marked.length > 0) form.setFields(marked);
      const extra = unshown.flatMap((field) => field.problems).join('; ');
      void message.error({ content: extra ? `${failure.text(lang)}: ${extra}` : failure.text(lang), duration: 6 });
    },
    [message, lang],
  );
}
