import { api, buildUrl } from '../../app/api';

export interface PipelineReport {
  asOf: string;
  salespeople: {
    ownerId: string;
    displayName: string;
    byState: Record<string, number>;
    total: number;
    open: number;
    lost: number;
    dropped: number;
    longNegotiations: number;
  }[];
  longNegotiations: { dealId: string; number: string; customerName: string; ownerName: string; since: string; workingDays: number }[];
  lostDeals: { dealId: string; number: string; customerName: string; ownerName: string; step?: string | null; reason?: string | null; competitor?: string | null; endedAt: string }[];
  droppedDeals?: PipelineReport['lostDeals'];
  competitors?: { competitor: string; lost: number }[];
}

/** 业务经理/总经理: per-salesperson pipeline, long negotiations, lost deals. */
export function getPipeline() {
  return api.get<PipelineReport>('/reports/pipeline', undefined, { quiet: [403, 404, 405, 501] });
}

// ---- 周总结 (GET /reports/weekly?week=YYYY-Www) ----

export interface WeeklySummary {
  week: string;
  from: string;
  to: string;
  generatedAt: string;
  tickets: {
    opened: number;
    openedInquiries: number;
    openedComplaints: number;
    closed: number;
    closedOnTime: number;
    closedLate: number;
    breaches: number;
    excused: number;
    overdueOpen: number;
  };
  breaches: { ticketId: string; number: string; customerName: string; kind: string; dueAt: string; closedAt: string | null; owner: { key: string; kind: string; id: string; name: string } | null }[];
  breachesByOwner: { key: string; kind: string; id: string; name: string; count: number }[];
  excused: { ticketId: string; number: string; reason: string }[];
  overdueOpen: { ticketId: string; number: string; customerName: string; kind: string; state: string; dueAt: string }[];
  satisfaction: { followUps: number; satisfied: number; unsatisfied: number; rate: number | null };
  revisits: { generated: number; done: number; problemsFound: number };
  opinions: {
    source: 'follow_up' | 'revisit';
    at: string;
    customerId: string;
    customerName: string | null;
    ticketNumber: string | null;
    satisfied: boolean | null;
    problemFound: boolean | null;
    opinion: string;
    by: string | null;
  }[];
  deals: {
    won: number;
    lost: number;
    wonAmountFen: number;
    items: {
      dealId: string;
      number: string;
      customerName: string;
      ownerName: string;
      outcome: 'won' | 'lost';
      at: string;
      amountFen: number | null;
      paymentModel: string | null;
      reason: string | null;
      competitor: string | null;
    }[];
  };
}

/** No week = the server's current week. */
export function getWeekly(week?: string) {
  return api.get<WeeklySummary>('/reports/weekly', { week }, { quiet: [403, 404, 405, 501] });
}

/** The printable page, opened in a new tab (the session cookie authenticates). */
export const weeklyPrintUrl = (week: string) => buildUrl('/reports/weekly/print', { week });
export const weeklyXlsxUrl = (week: string) => buildUrl('/reports/weekly.xlsx', { week });

// ---- partner settlement (GET /reports/partner-settlement?partnerId=&month=YYYY-MM) ----

export interface PartnerSettlement {
  partner: { id: string; name: string; certifiedUntil: string; ratePerRepairFen: number };
  month: string;
  from: string;
  to: string;
  repairs: number;
  onTime: number;
  onTimeRate: number | null;
  followedUp: number;
  satisfied: number;
  satisfactionRate: number | null;
  ratePerRepairFen: number;
  amountFen: number;
  items: {
    taskId: string;
    ticketId: string;
    ticketNumber: string;
    customerName: string;
    engineerName: string | null;
    dueAt: string | null;
    completedAt: string | null;
    onTime: boolean;
    satisfied: boolean | null;
  }[];
}

export function getPartnerSettlement(partnerId: string, month?: string) {
  return api.get<PartnerSettlement>('/reports/partner-settlement', { partnerId, month }, { quiet: [403, 404, 405, 501] });
}

/** A fraction (0.8333) → "83.3%"; null → "—". */
export function fmtRate(r: number | null | undefined): string {
  return r === null || r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`;
}
