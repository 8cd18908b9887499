// The one place where API errors become something the user sees.
import type { NotificationInstance } from 'antd/es/notification/interface';
import type { ApiError } from './api';
import { currentLanguage, hasKey, translate, type MessageKey } from './i18n';
import { describePath } from './fieldLabels';

let notifier: NotificationInstance | null = null;
let lastSessionNotice = 0;

/** Set by <ErrorBridge/> inside antd <App> so notices follow the theme and locale. */
export function setNotifier(n: NotificationInstance | null): void {
  notifier = n;
}

function titleFor(err: ApiError): MessageKey {
  if (err.status === 0) return 'error.network';
  if (err.status === 400) return 'error.validation';
  if (err.status === 401) return 'auth.sessionExpired';
  if (err.code === 'password_change_required') return 'error.passwordChange';
  if (err.code === 'csrf') return 'error.csrf';
  if (err.status === 403) return 'error.forbidden';
  if (err.status === 404) return 'error.notFound';
  if (err.status === 409) return 'error.conflict';
  if (err.status === 413) return 'error.tooLarge';
  if (err.status === 429) return 'error.tooMany';
  if (err.status >= 500) return 'error.server';
  return 'error.generic';
}

/** The dictionary's word for a body key that no form defines (name, phone, username …). */
const fieldWord = (key: string) => {
  const k = `field.${key}`;
  return hasKey(k) ? translate(k) : undefined;
};

export function reportApiError(err: ApiError): void {
  if (err.status === 401) {
    // many parallel calls may fail at once after a session ends: say it once
    if (Date.now() - lastSessionNotice < 3000) return;
    lastSessionNotice = Date.now();
  }
  const title = translate(titleFor(err));
  const lang = currentLanguage();
  const lines: string[] = [];
  // each field's problem once, named by its label; the summary only when no field says it already
  const fieldLines = [...new Set(err.details.slice(0, 6).map((d) => {
    const where = d.path ? describePath(d.path, lang, fieldWord) : '';
    return where ? `${where}${lang === 'zh' ? '：' : ': '}${d.message}` : d.message;
  }))];
  if (err.message && err.status < 500 && !err.details.some((d) => d.message === err.message)) lines.push(err.message);
  lines.push(...fieldLines);
  const description = lines.join('\n') || undefined;
  if (notifier) {
    notifier.error({
      key: `api-${err.status}-${err.code}-${err.message}`,
      title,
      description: description ? <span style={{ whiteSpace: 'pre-line' }}>{description}</span> : undefined,
      duration: 6,
    });
  } else {
    console.error(title, description);
  }
}
