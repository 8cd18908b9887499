// THE copy-list rule (PROCESS §7): one function decides whether an actor may read a form's
// fields. Documents, print, history, audit, purchase prices, deal amounts, reports: every
// presenter that emits form fields asks `mayReadForm`.
import type { ProcessDefinition } from '../domain/process/definition.js';
import { departmentsOf, hasRole, isStaff, orgOf, type Actor } from './actor.js';
// the effect registry says what each effect writes and copies (read at call time only: the
// registry's modules import the policies in turn)
import { EFFECT_SIGNATURES } from '../modules/process/effects.js';

/** What decides who reads a form: its copy list, and for partners the case it belongs to. */
export interface FormScope {
  copies: readonly string[];
  /** the case the form belongs to: partners read technical copies of tickets given to their company */
  caseType?: string;
  casePartnerId?: string | null;
  /** roles that own a step of this case which works on the form (the step's `reads`) */
  inputRoles?: readonly string[];
}

/** The departments on a copy list read the form, and the GM. The sysadmin administers and
 *  does not read business documents (least privilege: `it` is on no copy list). An outsourced
 *  engineer reads the technical copy of a ticket given to its company. */
export function mayReadForm(a: Actor, f: FormScope): boolean {
  if (!isStaff(a)) {
    return !!a.partnerId && f.caseType === 'ticket' && f.casePartnerId === a.partnerId && f.copies.includes('technical');
  }
  if (hasRole(a, 'gm')) return true;
  return departmentsOf(a).some((d) => f.copies.includes(d)) || mayReadAsInput(a, f);
}

/** A step's owner reads the forms the step works on, beyond the copy list (staff only). */
export function mayReadAsInput(a: Actor, f: FormScope): boolean {
  return isStaff(a) && !!f.inputRoles?.length && a.roles.some((r) => f.inputRoles!.includes(r));
}

/** Values a completion carries that land in no form (notes, reasons, dispatch): every
 *  business department reads them with the case, not the sysadmin. */
export const caseNoteCopies = (a: Actor): readonly string[] => Object.keys(orgOf(a).departments).filter((d) => d !== 'it');


/** The copy list of a form of the definition; an unknown form is read by nobody but the GM. */
export function copiesOf(def: ProcessDefinition | undefined, form: string): readonly string[] {
  return def?.forms[form]?.copies ?? [];
}

/** The forms whose fields a completion of `step` with `outcome` carries: the step's document
 *  and the forms its effects write. */
export function formsOfCompletion(def: ProcessDefinition | undefined, step: string, outcome: string | undefined): string[] {
  const s = def?.steps[step];
  const t = s && (s.outcomes[outcome ?? ''] ?? Object.values(s.outcomes)[0]);
  if (!t) return [];
  return [...new Set([...(t.form && def?.forms[t.form]?.prefix ? [t.form] : []), ...t.effects.flatMap((e) => EFFECT_SIGNATURES[e]?.writes ?? [])])];
}

/** May the actor read the values a completion carries? Every form they land in must be readable. */
export function mayReadCompletion(
  a: Actor, def: ProcessDefinition | undefined, step: string, outcome: string | undefined, c: Omit<FormScope, 'copies'> = {},
): boolean {
  const forms = formsOfCompletion(def, step, outcome);
  if (!forms.length) return mayReadForm(a, { ...c, copies: caseNoteCopies(a) });
  return forms.every((f) => mayReadForm(a, { ...c, copies: copiesOf(def, f) }));
}

/** Case records that copy a form's fields (the deal keeps the contract's amount and payment
 *  model; the purchase list keeps the assessment's prices): the effects that copy them say which
 *  (`exposes`), and only readers of the form see them. */
export function copiedFields(def: ProcessDefinition | undefined): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const step of Object.values(def?.steps ?? {})) {
    for (const t of Object.values(step.outcomes)) {
      const exposed = t.effects.flatMap((e) => EFFECT_SIGNATURES[e]?.exposes ?? []);
      if (t.form && exposed.length) out.set(t.form, [...new Set([...(out.get(t.form) ?? []), ...exposed])]);
    }
  }
  return out;
}

/** The value with every key in `keys` (at any depth) set to null. */
export function maskFields<T>(value: T, keys: readonly string[]): T {
  if (Array.isArray(value)) return value.map((v) => maskFields(v, keys)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keys.includes(k) ? null : maskFields(v, keys)])) as T;
  }
  return value;
}

/** The value with the copied fields of every form the actor may not read masked. */
export function maskCopiedFields<T>(a: Actor, def: ProcessDefinition | undefined, value: T, c: Omit<FormScope, 'copies'> = {}): T {
  let out = value;
  for (const [form, keys] of copiedFields(def)) {
    if (!mayReadForm(a, { ...c, copies: copiesOf(def, form) })) out = maskFields(out, keys);
  }
  return out;
}
