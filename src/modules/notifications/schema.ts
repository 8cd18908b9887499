// Reply shape of the in-app notifications (listNotifications in service.ts).
import { z } from 'zod';
import { instant, listOf } from '../../server/replies.js';

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  taskId: z.string().optional(),
  caseId: z.string().optional(),
  /** deal | ticket | customer, so the web links straight to the case */
  caseType: z.string().nullable().optional(),
  message: z.string(),
  createdAt: instant,
  read: z.boolean(),
}).meta({ id: 'Notification' });

export const notificationList = listOf(notificationView).meta({ id: 'NotificationList' });
