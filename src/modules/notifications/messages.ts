// The message catalogue of external and in-app notifications (issue 16). Every text a
// notification carries comes from here or from the process definition's labels; services
// pass parameters, never sentences. External messages are in Chinese and each names the
// case number and the customer and links to the case.

export const EVENT_KINDS = ['assigned', 'returned', 'mentioned', 'overdue', 'escalated', 'vip_after_hours'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const CHANNELS = ['email', 'dingtalk', 'wecom'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface MessageParams {
  /** the case number (GD-/SJ-), or the case id when it has none */
  number: string;
  customer: string;
  /** the step's label (from the definition) */
  step?: string;
  /** a deadline, already formatted for people (Asia/Shanghai) */
  dueAt?: string;
  /** the escalation level that fired (1, 2, …) */
  level?: number;
  /** who did it (assigned by, mentioned by) */
  by?: string;
  /** a short text (the comment, the problem) */
  text?: string;
  /** an absolute link to the case (empty when no public address is configured) */
  link: string;
}

interface Template {
  title: (p: MessageParams) => string;
  /** the in-app line (the bell), short */
  inApp: (p: MessageParams) => string;
}

/** the case as people know it: its number and the customer (the bell names both, as the e-mail does) */
const casePart = (p: MessageParams) => (p.customer ? `${p.number}（${p.customer}）` : p.number);
const stepPart = (p: MessageParams) => (p.step ? `：${p.step}` : '');
const duePart = (p: MessageParams) => (p.dueAt ? `（截止 ${p.dueAt}）` : '');
/** the words the previous step left (revise comments, the inquiry's answer, a reason) */
const wordsPart = (p: MessageParams) => (p.text ? `。${p.text}` : '');

export const MESSAGES: Record<EventKind | 'ticket_overdue' | 'test', Template> = {
  assigned: { title: (p) => `新任务${stepPart(p)}`, inApp: (p) => `${casePart(p)} 分派给您${stepPart(p)}${duePart(p)}${wordsPart(p)}` },
  returned: { title: (p) => `任务退回${stepPart(p)}`, inApp: (p) => `${casePart(p)} 退回给您${stepPart(p)}${duePart(p)}${wordsPart(p)}` },
  mentioned: { title: () => '有人提到了您', inApp: (p) => `${casePart(p)} ${p.by ?? ''} 提到了您：${p.text ?? ''}` },
  overdue: { title: (p) => `任务逾期${stepPart(p)}`, inApp: (p) => `任务逾期${stepPart(p)}${duePart(p)} ${casePart(p)}` },
  ticket_overdue: { title: () => '工单超过结案期限', inApp: (p) => `工单超过结案期限：${casePart(p)}${duePart(p)}` },
  escalated: { title: (p) => `逾期升级（第 ${p.level ?? 2} 级）${stepPart(p)}`, inApp: (p) => `逾期升级（第 ${p.level ?? 2} 级）${stepPart(p)}${duePart(p)} ${casePart(p)}` },
  vip_after_hours: { title: () => 'VIP 工单（非工作时间）', inApp: (p) => `VIP 客户非工作时间报修：${casePart(p)} ${p.text ?? ''}` },
  test: { title: () => '测试消息', inApp: () => '方圆通知渠道测试' },
};

/** Labels of the catalogue's own words (field names in the message body). */
const L = { case: '案件', customer: '客户', step: '步骤', dueAt: '截止', by: '操作人', text: '内容', open: '打开案件', brand: '方圆' };

/** The message as the channels send it: a subject and a markdown body. */
export function renderMessage(kind: keyof typeof MESSAGES, p: MessageParams): { subject: string; markdown: string; inApp: string } {
  const t = MESSAGES[kind];
  const title = t.title(p);
  const subject = `【${L.brand}】${title} ${p.number} ${p.customer}`.trim();
  const lines = [
    `### ${title}`,
    `- ${L.case}：${p.number}`,
    `- ${L.customer}：${p.customer}`,
    ...(p.step ? [`- ${L.step}：${p.step}`] : []),
    ...(p.dueAt ? [`- ${L.dueAt}：${p.dueAt}`] : []),
    ...(p.by ? [`- ${L.by}：${p.by}`] : []),
    ...(p.text ? [`- ${L.text}：${p.text}`] : []),
    ...(p.link ? ['', `[${L.open}](${p.link})`] : []),
  ];
  return { subject, markdown: lines.join('\n'), inApp: t.inApp(p) };
}

/** The plain-text twin of a markdown body (the e-mail's text part). */
export function markdownToText(md: string): string {
  return md.replace(/^### /gm, '').replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1：$2');
}

export { shanghaiTime } from '../../domain/iso.js';

/** Texts of the customer's rating link (issue 16). */
export const RATING_TEXT = {
  customerActor: '客户（评价链接）',
  unsatisfiedOpinion: '客户通过评价链接表示不满意',
  qrCaption: '扫码评价本次维修',
};
