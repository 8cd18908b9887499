import { api } from '../../app/api';

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
