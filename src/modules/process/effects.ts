// The registry of named effects a transition runs inside the completion transaction. Each effect
// declares the form fields it reads (checked against the definition at start-up) and returns
// what it changes: computed document fields and a patch to the case.
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import type { EffectSignatures, ProcessDefinition } from '../../domain/process/definition.js';
import type { WorkCalendar } from '../../domain/calendar/index.js';
import type { TaskRow } from '../tasks/repo.js';
import type { CaseRef } from '../tasks/cases.js';
import { DEAL_EFFECTS } from '../deals/effects.js';
import { TICKET_EFFECTS } from '../tickets/effects.js';
import { PROCUREMENT_EFFECTS } from '../procurement/effects.js';

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
}

export const EFFECTS: Record<string, Effect> = { ...DEAL_EFFECTS, ...TICKET_EFFECTS, ...PROCUREMENT_EFFECTS };

/** What the definition validator needs of the registry. */
export const EFFECT_SIGNATURES: EffectSignatures = Object.fromEntries(Object.entries(EFFECTS).map(([k, e]) => [k, { reads: e.reads, writes: e.writes, exposes: e.exposes }]));
