// Every module's routes, mounted under /api/v1.
import { chatterRoutes } from '../modules/chatter/routes.js';
import type { FastifyInstance, FastifyBaseLogger, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from '../modules/auth/routes.js';
import { userRoutes } from '../modules/users/routes.js';
import { taskRoutes } from '../modules/tasks/routes.js';
import { customerRoutes } from '../modules/customers/routes.js';
import { dealRoutes } from '../modules/deals/routes.js';
import { ratingRoutes, ticketRoutes } from '../modules/tickets/routes.js';
import { documentRoutes } from '../modules/documents/routes.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { notificationRoutes } from '../modules/notifications/routes.js';
import { calendarRoutes } from '../modules/calendar/routes.js';
import { clockRoutes } from '../modules/clock/routes.js';
import { partnerRoutes } from '../modules/partners/routes.js';
import { procurementRoutes } from '../modules/procurement/routes.js';
import { archiveRoutes } from '../modules/documents/archive-routes.js';
import { reportRoutes } from '../modules/reports/routes.js';
import { leadRoutes } from '../modules/leads/routes.js';
import { dutyRoutes } from '../modules/duty/routes.js';
import { allowanceRoutes } from '../modules/allowances/routes.js';
import { mailboxRoutes } from '../modules/mailbox/routes.js';
import { trainingRoutes } from '../modules/training/routes.js';
import { healthReply } from './replies.js';
import { processRoutes } from '../modules/process/routes.js';
import { engineeringRoutes } from '../modules/engineering/routes.js';
import { proposalRoutes } from '../modules/proposals/routes.js';
import { managementRoutes } from '../modules/management/routes.js';
import { feedbackRoutes } from '../modules/feedback/routes.js';

export type ZApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export async function moduleRoutes(app: ZApp) {
  app.get('/health', { schema: { tags: ['system'], security: [], response: { 200: healthReply } } }, async () => ({ ok: true as const, engine: app.ctx.database.engine, now: app.ctx.clock.now().toISOString() }));
  for (const routes of [
    authRoutes, userRoutes, taskRoutes, customerRoutes, dealRoutes, ticketRoutes, documentRoutes,
    auditRoutes, notificationRoutes, calendarRoutes, clockRoutes, partnerRoutes,
    procurementRoutes, archiveRoutes,
    reportRoutes, leadRoutes, dutyRoutes, allowanceRoutes, mailboxRoutes, trainingRoutes, processRoutes, chatterRoutes, engineeringRoutes, ratingRoutes, proposalRoutes, managementRoutes, feedbackRoutes,
  ]) {
    await routes(app);
  }
}
