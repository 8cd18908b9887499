// Issue 10's proof edit: the technical department split in two. 技术部 becomes 售前技术部 (the key
// `technical` stays, with the engineers of deals and the tech manager); 售后技术部 is new, with its
// own roles: the after-sales engineer (like an engineer) owns the ticket steps, the after-sales
// manager (like the tech manager) manages it. The repair's records
// (form 5, the problem feedback) are copied to the after-sales department too.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const AFTERSALES = 'aftersales';
/** the repair's records (form 5 and the problem feedback) */
export const TICKET_FORMS = ['complaint_record', 'problem_feedback'];

export function splitTechnicalDepartment<T>(definition: T): T {
  const def = structuredClone(definition) as any;
  def.departments.technical.label = { zh: '售前技术部', en: 'Pre-sales engineering' };
  def.departments[AFTERSALES] = { label: { zh: '售后技术部', en: 'After-sales engineering' }, manager: 'aftersales_manager' };
  def.roles.aftersales_engineer = { label: { zh: '售后工程师', en: 'After-sales engineer' }, department: AFTERSALES, like: 'engineer' };
  def.roles.aftersales_manager = { label: { zh: '售后经理', en: 'After-sales manager' }, department: AFTERSALES, like: 'tech_manager' };
  for (const step of Object.values<any>(def.steps)) {
    if (step.caseType === 'ticket' && step.role === 'engineer') step.role = 'aftersales_engineer';
  }
  for (const key of TICKET_FORMS) def.forms[key].copies.push(AFTERSALES);
  return def as T;
}
