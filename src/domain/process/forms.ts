// Input schemas of every form and outcome (API.md "Form and outcome fields").
// The process definition names them; the engine validates a completion's `form` with them.
import { z } from 'zod';
import { isoTime } from '../iso.js';

const text = (max = 2000) => z.string().trim().min(1, 'required').max(max);
const optText = (max = 2000) => z.string().trim().max(max).optional();
const fen = z.number().int('must be integer fen').min(0).max(1e13);
const count = z.number().int().min(0).max(100000);

export const surveyInput = z.object({
  broadbandAvailable: z.boolean(),
  broadbandType: optText(100),
  bandwidthMbps: z.number().min(0).max(100000).optional(),
  broadbandUsage: optText(),
  networkEquipment: optText(200),
  hasPbx: z.boolean(),
  pbxModel: optText(200),
  directLines: count.optional(),
  trunkLines: count.optional(),
  extensions: count.optional(),
  ldSavingMethod: optText(200),
  ldDiscountPct: z.number().min(0).max(100).optional(),
  monthlyLdBillFen: fen,
  acceptsSplitMode: z.boolean(),
  remarks: optText(),
}).strict();

export const equipmentLine = z.object({
  brand: text(100),
  model: text(100),
  quantity: z.number().int().min(1).max(100000),
  unitPriceFen: fen,
}).strict();

export const INPUT_SCHEMAS = {
  none: z.object({}).strict(),
  note: z.object({ note: optText() }).strict(),
  /** procurement closes when every purchase line is received, or with a recorded exception */
  procurement: z.object({ note: optText(), exception: text(2000).optional() }).strict(),
  qualify_develop: z.object({
    customerType: text(100),
    templateId: optText(100),
    secondMeetingAt: isoTime.optional(),
  }).strict(),
  reason: z.object({ reason: text(), competitor: optText(200) }).strict(),
  tech_assessment: z.object({
    implementationDetails: text(5000),
    equipment: z.array(equipmentLine).min(1).max(200),
    estimatedDurationDays: z.number().min(0).max(3650),
  }).strict(),
  proposal: z.object({
    content: text(20000),
    investmentFen: fen,
    monthlyGrossProfitFen: fen,
    /** the customer's monthly long-distance cost under the proposal, shown beside today's bill */
    proposedMonthlyCostFen: fen.optional(),
  }).strict(),
  feasibility: z.object({
    feasibility: z.object({
      operatingMode: text(200),
      equipmentInvestmentFen: fen,
      avgMonthlyGrossProfitFen: fen.refine((v) => v > 0, 'must be greater than 0'),
      maxFluctuationPct: z.number().min(0).max(99),
    }).strict(),
    comments: optText(),
  }).strict(),
  comments: z.object({ comments: text() }).strict(),
  optional_comments: z.object({ comments: optText() }).strict(),
  delivery: z.object({ deliveredAt: isoTime.optional() }).strict(),
  contract: z.object({
    paymentModel: z.enum(['one_time', 'installment', 'lease']),
    amountFen: fen,
    concessions: optText(),
  }).strict(),
  dispatch: z.object({
    engineerIds: z.array(z.string().min(1).max(100)).min(1).max(20),
    scheduledAt: isoTime,
  }).strict(),
  installation: z.object({
    devices: z.array(z.object({
      brandModel: text(200),
      serialNumber: text(100),
      configDocNumber: text(100),
    }).strict()).min(1).max(500),
    remarks: text(5000),
    /** the customer's signature drawn on screen, stored with form 4 */
    customerSignature: z.string().max(300000).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'must be a data:image/png;base64 URL').optional(),
  }).strict(),
  answer: z.object({ answer: text(5000) }).strict(),
  resolve: z.object({
    cause: text(5000),
    resolution: text(5000),
    qualityComplaint: z.boolean(),
    techRemarks: optText(),
    replacements: z.array(z.object({
      oldSerialNumber: text(100),
      newBrandModel: text(200),
      newSerialNumber: text(100),
    }).strict()).max(100).optional(),
    // form 6: the customer signs on the engineer's screen; stored as the image's data URL
    customerSignature: z.string().max(300000).regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'must be a data:image/png;base64 URL').optional(),
  }).strict(),
  follow_up: z.object({ customerOpinion: optText(5000), csRemarks: optText() }).strict(),
  revisit: z.object({ opinion: optText(5000), problemFound: z.boolean() }).strict(),
} satisfies Record<string, z.ZodType>;

export type InputKey = keyof typeof INPUT_SCHEMAS;
export type SurveyInput = z.infer<typeof surveyInput>;
