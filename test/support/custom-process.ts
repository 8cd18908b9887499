// A process definition that differs from the default in four ways, for the proof that a company
// changes its process by data alone (test/foundation/custom-definition.test.ts and the browser
// journey, which writes it to a file for PROCESS_FILE):
//   1. the technical assessment step is renamed `site_assessment` (same tags);
//   2. the survey has an extra REQUIRED field `competitorCarrier` (text);
//   3. the feasibility form (KX) is also copied to the technical department;
//   4. qualifying a customer is due in 1 working day instead of 0.5.
import { DEFAULT_PROCESS } from '../../src/domain/process/default-process.js';
import type { RawProcessDefinition } from '../../src/domain/process/definition.js';

export const CUSTOM = {
  renamedFrom: 'tech_assessment',
  renamedTo: 'site_assessment',
  extraField: 'competitorCarrier',
  extraLabel: { zh: '现用运营商', en: 'Current carrier' },
  qualifyDays: 1,
} as const;

/** The four-way different definition, as plain JSON. */
export function customProcess(): RawProcessDefinition {
  const def = structuredClone(DEFAULT_PROCESS);
  const { renamedFrom, renamedTo } = CUSTOM;
  def.name = '定制流程（测试）';
  def.steps = Object.fromEntries(Object.entries(def.steps).map(([k, s]) => [k === renamedFrom ? renamedTo : k, {
    ...s,
    label: k === renamedFrom ? { zh: '现场勘查', en: 'Site assessment' } : s.label,
    outcomes: Object.fromEntries(Object.entries(s.outcomes).map(([o, t]) => [o, { ...t, next: t.next?.map((n) => (n === renamedFrom ? renamedTo : n)) }])),
  }]));
  for (const list of Object.values(def.starts)) list.forEach((s, i) => { if (s === renamedFrom) list[i] = renamedTo; });
  def.forms.survey.fields!.push({ key: CUSTOM.extraField, type: 'text', label: { ...CUSTOM.extraLabel }, required: true, max: 100 });
  def.forms.feasibility.copies = ['business', 'admin', 'technical'];
  def.steps.qualify.due = { days: CUSTOM.qualifyDays };
  return def;
}
