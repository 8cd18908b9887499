import type { ReactNode } from 'react';
import type { FormInstance } from 'antd';
import type { CompleteTaskBody, Task } from '../api';
import type { Translate } from '../../../app/i18n';

export interface StepFormContext<C> {
  task: Task;
  outcome: string | undefined;
  form: FormInstance;
  /** the case the task belongs to (deal, ticket or customer page data) */
  caseData: C;
  t: Translate;
  tk: (prefix: string, value: string | null | undefined) => string;
}

/** antd rule: required, with the field's label in the message. */
export function required(t: Translate, label: string, opts: { whitespace?: boolean } = {}) {
  const message = t('common.required', { field: label });
  return [opts.whitespace === false ? { required: true, message } : { required: true, whitespace: true, message }];
}

/**
 * How one step's task is completed in the UI. Field names follow the wire body:
 * `['form', field]`, `outcome`, `note` — so server error paths land on the right field.
 */
export interface StepFormSpec<C = unknown> {
  /** outcome keys to choose from; absent when the step has one way out */
  outcomes?: string[];
  /** initial values, e.g. figures carried over from earlier forms */
  initialValues?: (caseData: C, task: Task) => Record<string, unknown>;
  render: (ctx: StepFormContext<C>) => ReactNode;
  /** last touches before sending (defaults to `{outcome, form}`) */
  toBody?: (values: { outcome?: string; form?: Record<string, unknown>; note?: string }) => CompleteTaskBody;
  /** extra content shown above the form (e.g. the proposal being reviewed) */
  summary?: (caseData: C) => ReactNode;
  /**
   * A different way to finish the step (e.g. a revisit that found a problem opens a ticket);
   * return `undefined` to complete the task normally, or where to go afterwards.
   */
  submit?: (task: Task, values: StepFormValues) => Promise<{ navigateTo?: string } | undefined>;
}

export interface StepFormValues {
  outcome?: string;
  form?: Record<string, unknown>;
  note?: string;
  specialReason?: string;
  [extra: string]: unknown;
}

export type StepFormRegistry<C> = Record<string, StepFormSpec<C>>;
