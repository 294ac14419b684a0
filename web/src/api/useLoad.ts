import { useCallback, useEffect, useState } from 'react';
import { useShowError } from './useShowError';

/** Loads once per change of `key` and again on reload(); a failure is shown as the API's message. */
export function useLoad<T>(load: () => Promise<T>, key: string) {
  const [data, setData] = useState<T | undefined>();
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const showError = useShowError();
  useEffect(() => {
    let current = true;
    setLoading(true);
    load()
      .then((value) => current && setData(value))
      .catch((error) => current && showError(error))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, reload };
}
