import type { Translate } from './i18n';

/** antd rule: required, with the field's label in the message. */
export function required(t: Translate, label: string, opts: { whitespace?: boolean } = {}) {
  const message = t('common.required', { field: label });
  return [opts.whitespace === false ? { required: true, message } : { required: true, whitespace: true, message }];
}
