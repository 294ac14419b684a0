import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from '../lib/api-errors';
import { MESSAGES, type MessageKey } from './messages';

const LANG_KEY = 'tongban.lang';

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** The message in the current language, with {name} placeholders filled. */
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** Picks the current language's half of a bilingual value from the API. */
  pick: (message: { zh: string; en: string } | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

const initialLang = (): Lang => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh');

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const t = useCallback(
    (key: MessageKey, values: Record<string, string | number> = {}) =>
      MESSAGES[key][lang === 'zh' ? 0 : 1].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')),
    [lang],
  );
  const pick = useCallback((message: { zh: string; en: string } | null | undefined) => (message ? message[lang] || message.zh : ''), [lang]);
  const value = useMemo(() => ({ lang, setLang, t, pick }), [lang, setLang, t, pick]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
