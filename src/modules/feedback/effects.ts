// Effects of the feedback cycle's steps (named in the process definition).
import { shanghaiText } from '../reports/period.js';
import type { Effect } from '../process/effects.js';

const SOURCE_ZH: Record<string, string> = { satisfied: '回访确认·满意', unsatisfied: '回访确认·不满意（返修）', revisit: '定期回访', problem_found: '定期回访·发现问题', complaint: '投诉' };

export const FEEDBACK_EFFECTS: Record<string, Effect> = {
  /** the report keeps the period's customer opinions as they were when CS compiled them */
  'feedback.compile': {
    reads: [],
    async run(e) {
      const { periodOfNumber, periodOpinions } = await import('./service.js');
      const period = periodOfNumber(e.c.number);
      if (!period) return;
      const groups = await periodOpinions(period, e.now, e.tx, e.ctx);
      return {
        documentFields: {
          opinions: groups.flatMap((g) => g.items.map((o) => ({
            customerName: g.customerName, source: SOURCE_ZH[o.tag] ?? o.tag, ticketNumber: o.ticketNumber ?? '', at: shanghaiText(o.at), text: o.text,
          }))),
        },
      };
    },
  },
};
