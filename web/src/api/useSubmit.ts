import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useShowError } from './useShowError';

/** A form's sending: busy while the request runs, and the API's refusal shown under the fields the form shows. */
export function useSubmit<T>(form: FormInstance, shownFields: readonly string[], send: (values: T) => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const showError = useShowError();
  const submit = async (values: T) => {
    setBusy(true);
    try {
      await send(values);
    } catch (error) {
      showError(error, form, shownFields);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
