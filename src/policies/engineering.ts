// Pre-sales engineering (issue 17): the VoIP sizing of a deal comes from its survey (form 1).
// Seed steps C–D hand the survey to the technical department for the purely technical
// assessment, so the sizing is read by the survey's readers and by the assessment's (technical)
// readers; its money (the bill, tariffs and the saving) only by the survey's readers.
import { caseNoteCopies, mayReadForm } from './form.js';
import { isStaff, type Actor } from './actor.js';

export interface EngineeringTarget {
  /** copy list of the survey of the deal's definition */
  surveyCopies: readonly string[];
  /** copy list of the technical assessment */
  assessmentCopies: readonly string[];
}

export const engineeringPolicy = {
  /** a deal's sizing: readers of its survey or of its technical assessment (gate: staff of a business department) */
  read: (a: Actor, t?: EngineeringTarget) => isStaff(a)
    && (t ? mayReadForm(a, { copies: t.surveyCopies }) || mayReadForm(a, { copies: t.assessmentCopies }) : mayReadForm(a, { copies: caseNoteCopies(a) })),
  /** the money of the sizing (bill, tariffs, saving): readers of the survey */
  readSaving: (a: Actor, t?: EngineeringTarget) => isStaff(a) && (t ? mayReadForm(a, { copies: t.surveyCopies }) : mayReadForm(a, { copies: caseNoteCopies(a) })),
  /** the calculators (Erlang B, bandwidth, E-model, saving): every member of staff */
  calc: (a: Actor) => isStaff(a),
};
