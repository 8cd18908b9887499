// The registry of named effects a transition runs inside the completion transaction. Each effect
// declares the form fields it reads (checked against the definition at start-up) and returns
// what it changes: computed document fields and a patch to the case.
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import type { EffectSignatures, FieldSpec, ProcessDefinition } from '../../domain/process/definition.js';
import { fieldValueSchema } from '../../domain/process/fields.js';
import { fieldError } from '../../server/errors.js';
import type { WorkCalendar } from '../../domain/calendar/index.js';
import type { TaskRow } from '../tasks/repo.js';
import type { CaseRef } from '../tasks/cases.js';
import { DEAL_EFFECTS } from '../deals/effects.js';
import { TICKET_EFFECTS } from '../tickets/effects.js';
import { PROCUREMENT_EFFECTS } from '../procurement/effects.js';
import { FEEDBACK_EFFECTS } from '../feedback/effects.js';

export interface EffectContext {
  tx: Tx;
  ctx: AppContext;
  actor: Actor;
  task: TaskRow;
  c: CaseRef;
  /** the validated form of the completion */
  form: Record<string, unknown>;
  outcome: string;
  now: Date;
  def: ProcessDefinition;
  calendar: WorkCalendar;
  /** id the step's document will get, so effects can link to it */
  documentId: string;
  note?: string;
}

/** What an effect changes: fields added to the step's document, columns of the case. */
export interface EffectResult {
  documentFields?: Record<string, unknown>;
  casePatch?: Record<string, unknown>;
}

export interface Effect {
  /** the fields of the step's form it reads (dotted into groups and lines: `feasibility.operatingMode`) */
  reads: readonly string[];
  /** the forms it writes beyond the step's own document (form 5 rounds, form 6): their copy lists
   *  also decide who reads the completion */
  writes?: readonly string[];
  /** fields of the step's form it copies into case records (the deal keeps the contract's amount):
   *  presenters show them only to readers of that form */
  exposes?: readonly string[];
  run(e: EffectContext): Promise<EffectResult | void>;
  /** values it suggests for the form's fields that name it as their `default` (before the form is checked) */
  suggest?(e: Omit<EffectContext, 'form' | 'outcome' | 'documentId'>): Promise<Record<string, unknown>>;
}

export const EFFECTS: Record<string, Effect> = { ...DEAL_EFFECTS, ...TICKET_EFFECTS, ...PROCUREMENT_EFFECTS, ...FEEDBACK_EFFECTS };

/** What the definition validator needs of the registry. */
export const EFFECT_SIGNATURES: EffectSignatures = Object.fromEntries(Object.entries(EFFECTS).map(([k, e]) => [k, { reads: e.reads, writes: e.writes, exposes: e.exposes, suggests: !!e.suggest }]));

/** What the defaults did to a completion: values taken, values the user entered over a suggestion. */
export interface DefaultsApplied {
  applied: Record<string, unknown>;
  overridden: Record<string, { suggested: unknown; entered: unknown }>;
}

/** Fills the form's left-out fields from the effects their `default` names, and notes where the
 *  user overwrote a suggestion. A suggestion the field would refuse is not taken; a required
 *  field still empty afterwards is refused naming it. */
export async function applyDefaults(
  e: Omit<EffectContext, 'form' | 'outcome' | 'documentId'>, fields: FieldSpec[], form: Record<string, unknown>,
): Promise<{ form: Record<string, unknown>; defaults: DefaultsApplied | undefined }> {
  const withDefault = fields.filter((f) => f.default && !f.computed);
  if (!withDefault.length) return { form, defaults: undefined };
  const suggestions: Record<string, Record<string, unknown>> = {};
  for (const name of new Set(withDefault.map((f) => f.default!))) suggestions[name] = (await EFFECTS[name]?.suggest?.(e)) ?? {};
  const out = { ...form };
  const applied: DefaultsApplied['applied'] = {};
  const overridden: DefaultsApplied['overridden'] = {};
  for (const f of withDefault) {
    const suggested = suggestions[f.default!][f.key];
    const valid = suggested !== undefined && suggested !== null && fieldValueSchema(f).safeParse(suggested).success;
    if (out[f.key] === undefined) {
      if (valid) out[f.key] = applied[f.key] = suggested;
      else if (f.required) throw fieldError(`form.${f.key}`, 'required');
    } else if (valid && out[f.key] !== suggested) overridden[f.key] = { suggested, entered: out[f.key] };
  }
  const any = Object.keys(applied).length || Object.keys(overridden).length;
  return { form: out, defaults: any ? { applied, overridden } : undefined };
}
