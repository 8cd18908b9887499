// Named effects a step's transition runs inside the completion transaction (the definition
// names them; the case modules implement them).
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
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
  /** what the step's document will hold; effects add computed fields */
  documentFields: Record<string, unknown>;
  note?: string;
}

export type Effect = (e: EffectContext) => Promise<void>;

export const EFFECTS: Record<string, Effect> = { ...DEAL_EFFECTS, ...TICKET_EFFECTS, ...PROCUREMENT_EFFECTS };
