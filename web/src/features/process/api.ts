// The process definition as GET /process serves it. Its types are the server's own
// (src/domain/process/definition.ts, type-only: nothing of the server is bundled).
import { api } from '../../app/api';
import type { FieldSpec, FieldType, FormDefinition, I18n, ProcessDefinition, StepDefinition, Transition } from '../../../../src/domain/process/definition';

export type { FieldSpec, FieldType, ProcessDefinition };
export type I18nText = I18n;
export type StepDef = StepDefinition;
export type TransitionDef = Transition;
export type FormDef = FormDefinition;

/** The current process definition: every step, outcome, form and label. */
export function getProcess() {
  return api.get<ProcessDefinition>('/process');
}

/** A stored version (running cases keep the version they started with). */
export function getProcessVersion(version: number) {
  return api.get<{ version: number; definition: ProcessDefinition }>(`/process/versions/${version}`);
}
