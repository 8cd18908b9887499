// Reply shapes of users and the signed-in actor (presentUser in service.ts, toActor in auth).
import { z } from 'zod';
import { instant, pageOf } from '../../server/replies.js';
import { MENUS } from '../../policies/capabilities.js';

/** Who is signed in (auth): what the web needs to show menus and buttons. */
export const actorView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  department: z.string().nullable(),
  partnerId: z.string().nullable(),
}).meta({ id: 'Actor' });

/** What the signed-in user may do (src/policies/capabilities.ts): the web's menus and buttons. */
export const capabilities = z.object({
  menus: z.array(z.enum(MENUS)),
  actsAs: z.array(z.string()),
  createDeal: z.boolean(), createTicket: z.boolean(), createCustomer: z.boolean(), editCustomer: z.boolean(), viewCustomer: z.boolean(),
  negotiationLog: z.boolean(), adjustPolicy: z.boolean(), dealsBoardByDefault: z.boolean(), manageUsers: z.boolean(), manageCalendar: z.boolean(),
  archiveDocument: z.boolean(), exportDocuments: z.boolean(), managePartners: z.boolean(), partnerSettlement: z.boolean(), pipeline: z.boolean(),
  weeklySummary: z.boolean(), engineerScores: z.boolean(), engineerScoresAll: z.boolean(), salesReview: z.boolean(), departmentResults: z.boolean(), setTargets: z.boolean(), recordReview: z.boolean(), readReviews: z.boolean(), processVersions: z.boolean(), excuse: z.boolean(),
  createLead: z.boolean(), triageLead: z.boolean(), approveCommissions: z.boolean(), payCommissions: z.boolean(), manageCsDuty: z.boolean(),
  manageOncall: z.boolean(), approveAllowances: z.boolean(), readMailbox: z.boolean(), planTraining: z.boolean(),
}).meta({ id: 'Capabilities' });

/** The signed-in user as auth returns it. */
export const signedInUser = actorView.extend({ mustChangePassword: z.boolean(), capabilities }).meta({ id: 'SignedInUser' });

export const userView = actorView.extend({
  active: z.boolean(),
  /** after a reset: every call but changing the password answers 403 */
  mustChangePassword: z.boolean(),
  /** where e-mail notifications reach the user (issue 16) */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  createdAt: instant,
}).meta({ id: 'User' });

export const userPage = pageOf(userView).meta({ id: 'UserPage' });
