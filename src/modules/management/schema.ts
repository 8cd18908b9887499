// Request and reply shapes of the management reports (PROCESS §6.1, API.md "Management and people").
import { z } from 'zod';
import { isoDate } from '../../domain/iso.js';
import { instant } from '../../server/replies.js';
import { pageQuery } from '../../server/paging.js';
import { monthParam } from '../reports/period.js';
import { ENGINEER_MEASURES } from './repo.js';
import { managementSettingsSchema } from './settings.js';

/** 0–1, or null when there is nothing to count */
const rate = z.number().nullable();
const count = z.number().int();

/** A period of Asia/Shanghai dates: `from` inclusive, `to` exclusive (default: this month). */
export const periodQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });

export const engineerRow = z.object({
  userId: z.string().nullable(), partnerId: z.string().nullable(), name: z.string(),
  repairs: count, repairsOnTime: count, onTimeRate: rate,
  followUps: count, satisfied: count, satisfactionRate: rate,
  firstTimeFixes: count, complaintsClosed: count.describe('complaint tickets closed whose first repair was theirs: the base of firstTimeFixRate'), firstTimeFixRate: rate,
  repeatFaults: count, installations: count, installationsOnTime: count,
  score: z.number().nullable(),
}).meta({ id: 'EngineerScore' });

export const engineerScoresReply = z.object({
  from: instant, to: instant, weights: managementSettingsSchema.shape.scoreWeights, items: z.array(engineerRow),
}).meta({ id: 'EngineerScores' });

export const engineerMeasure = z.enum(ENGINEER_MEASURES);

export const engineerTrendQuery = z.object({
  subjectId: z.string().min(1).max(100).optional().describe('an engineer\'s user id or a partner company\'s id; default: oneself'),
  months: z.coerce.number().int('must be a whole number').min(1).max(24).default(6).describe('how many months, ending with the current one (1–24)'),
});

export const engineerTrendReply = z.object({
  subject: z.object({ userId: z.string().nullable(), partnerId: z.string().nullable(), name: z.string() }),
  months: z.array(z.object({
    month: z.string().describe('YYYY-MM (Asia/Shanghai)'), from: instant, to: instant,
    score: z.number().nullable(), onTimeRate: rate, satisfactionRate: rate, firstTimeFixRate: rate,
    repairs: count, followUps: count, complaintsClosed: count,
  })),
}).meta({ id: 'EngineerTrend' });

export const engineerMeasureReply = z.object({
  subject: z.object({ userId: z.string().nullable(), partnerId: z.string().nullable(), name: z.string() }),
  measure: engineerMeasure, from: instant, to: instant,
  items: z.array(z.object({
    caseId: z.string(), caseType: z.string(), number: z.string().nullable(), customerId: z.string(), customerName: z.string(),
    kind: z.string().nullable(), state: z.string(), taskId: z.string().nullable(), at: instant, dueAt: instant.nullable(), outcome: z.string().nullable(),
  })),
}).meta({ id: 'EngineerMeasureCases' });

export const salesReviewReply = z.object({
  from: instant, to: instant, asOf: instant.describe('long negotiations are counted at this instant'),
  items: z.array(z.object({
    userId: z.string(), name: z.string(), opened: count, won: count, lost: count, dropped: count, winRate: rate,
    signedAmountFen: z.number().int(), avgCycleWorkingDays: z.number().nullable(), longNegotiations: count,
  }).meta({ id: 'SalesReviewRow' })),
  lostReasons: z.array(z.object({ reason: z.string(), competitor: z.string().nullable(), count })),
}).meta({ id: 'SalesReview' });

export const departmentResultsReply = z.object({
  month: z.string(), from: instant, to: instant,
  departments: z.array(z.object({
    department: z.string(), label: z.object({ zh: z.string(), en: z.string() }),
    measures: z.array(z.object({
      key: z.string(), label: z.object({ zh: z.string(), en: z.string() }), unit: z.enum(['fen', 'count', 'rate']),
      value: z.number().nullable(), target: z.number().nullable(), achievedPct: z.number().nullable().describe('value / target × 100, one decimal'),
    })),
  })),
}).meta({ id: 'DepartmentResults' });

export const reviewInput = z.object({
  userId: z.string().min(1).max(100).optional(), partnerId: z.string().min(1).max(100).optional(),
  kind: z.enum(['reward', 'penalty']), points: z.number().int().min(-1000).max(1000).optional(), amountFen: z.number().int().min(0).max(1e10).optional(),
  reason: z.string().trim().min(1).max(2000), caseId: z.string().min(1).max(100).optional(),
}).strict();

export const reviewView = z.object({
  id: z.string(), userId: z.string().nullable(), partnerId: z.string().nullable(), subjectName: z.string(), kind: z.enum(['reward', 'penalty']),
  points: z.number().int().nullable(), amountFen: z.number().int().nullable(), reason: z.string(), caseId: z.string().nullable(),
  caseNumber: z.string().nullable().describe('the case\'s number (GD-…, SJ-…), null without a case'),
  authorId: z.string(), authorName: z.string().nullable(), createdAt: instant,
}).meta({ id: 'Review' });

export const reviewsReply = z.object({
  subject: z.object({ userId: z.string().nullable(), partnerId: z.string().nullable(), name: z.string() }).nullable()
    .describe('the person or partner company asked for (?userId= or ?partnerId=), null without one'),
  items: z.array(reviewView).describe('one page, newest first'),
  total: z.number().int().describe('every record that matches'),
  totals: z.object({ points: z.number().int(), rewardsFen: z.number().int(), penaltiesFen: z.number().int() })
    .describe('the sums over every record that matches, not only this page'),
}).meta({ id: 'Reviews' });

export const reviewsQuery = pageQuery.extend({
  userId: z.string().min(1).max(100).optional(), partnerId: z.string().min(1).max(100).optional(), month: monthParam.optional(),
  kind: z.enum(['reward', 'penalty']).optional(),
  q: z.string().max(100).optional().describe('part of the subject\'s name, the reason or the case number'),
});

const named = z.object({ id: z.string(), name: z.string() });
export const reviewSubjectsReply = z.object({
  users: z.array(named).describe('active staff the reader may record for'),
  partners: z.array(named).describe('partner companies the reader may record for'),
}).meta({ id: 'ReviewSubjects' });

export { managementSettingsSchema };
