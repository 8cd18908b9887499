import { api } from '../../app/api';

/** A text in both languages of the product. */
export interface I18nText {
  zh: string;
  en: string;
}

export type FieldType =
  | 'text' | 'longtext' | 'int' | 'decimal' | 'money' | 'percent' | 'bool' | 'date' | 'datetime'
  | 'select' | 'user' | 'lines' | 'signature' | 'group';

/** One field of a form, as the definition describes it (src/domain/process/definition.ts). */
export interface FieldSpec {
  key: string;
  type: FieldType;
  label: I18nText;
  required?: boolean;
  min?: number;
  max?: number;
  help?: I18nText;
  options?: { value: string; label: I18nText }[];
  role?: string;
  multiple?: boolean;
  columns?: FieldSpec[];
  fields?: FieldSpec[];
  filledBy?: string[];
  footer?: string;
  computed?: string;
  serial?: boolean;
  /** no longer asked for; documents that carry it keep their value */
  hidden?: boolean;
}

export interface TransitionDef {
  label: I18nText;
  form?: string;
  next: string[];
  end?: string;
}

export interface StepDef {
  caseType: 'deal' | 'ticket' | 'customer';
  role: string;
  alsoRoles?: string[];
  label: I18nText;
  kind?: string;
  partnerAllowed?: boolean;
  outcomes: Record<string, TransitionDef>;
}

export interface FormDef {
  title: I18nText;
  prefix?: string;
  copies?: string[];
  fields: FieldSpec[];
}

export interface ProcessDefinition {
  version: number;
  name: string;
  roles: Record<string, { label: I18nText; department: string }>;
  departments: Record<string, { label: I18nText; manager?: string }>;
  steps: Record<string, StepDef>;
  forms: Record<string, FormDef>;
  starts: Record<string, string[]>;
}

/** The current process definition: every step, outcome, form and label. */
export function getProcess() {
  return api.get<ProcessDefinition>('/process');
}
