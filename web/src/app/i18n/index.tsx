import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { zh, type MessageKey } from './zh';
import { en } from './en';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };
const STORAGE_KEY = 'fy.lang';

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Translate outside React (the API error handler); follows the stored language. */
export function translate(key: MessageKey, vars?: Record<string, string | number>, lang: Lang = currentLang): string {
  let text = dictionaries[lang][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

/** Best-effort label for a dynamic key (step, role, state…); falls back to the raw value. */
export function hasKey(key: string): key is MessageKey {
  return key in zh;
}

let currentLang: Lang = storedLang();

/** The language chosen now (for code outside React, such as the HTTP client). */
export function currentLanguage(): Lang {
  return currentLang;
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** label for a dynamic key like `step.${x}`; unknown values are shown raw */
  tk: (prefix: string, value: string | null | undefined) => string;
  /** a case state: an open step's key (客户定性…) or an end state (已装机…) */
  ts: (state: string | null | undefined) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(currentLang);
  const setLang = useCallback((next: Lang) => {
    currentLang = next;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      /* private mode: the choice just won't persist */
    }
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const t: Translate = (key, vars) => translate(key, vars, lang);
    const tk = (prefix: string, v: string | null | undefined) => {
      if (v == null || v === '') return '—';
      const key = `${prefix}.${v}`;
      return hasKey(key) ? t(key) : v;
    };
    const ts = (v: string | null | undefined) => (v && hasKey(`step.${v}`) ? t(`step.${v}` as MessageKey) : tk('state', v));
    return { lang, setLang, t, tk, ts };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
