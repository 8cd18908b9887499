// The default process of PROCESS.md, as data. A company changes this, not the code.
import type { z } from 'zod';
import type { processDefinitionSchema } from './definition.js';

type RawDefinition = z.input<typeof processDefinitionSchema>;

export const DEFAULT_PROCESS: RawDefinition = {
  version: 1,
  name: '标准业务流程 (PROCESS.md default)',
  starts: {
    deal: ['qualify'],
    ticket_inquiry: ['answer'],
    ticket_complaint: ['resolve'],
    customer_revisit: ['revisit'],
  },
  caseNumbering: { deal: 'SJ', ticket: 'GD' },
  ticketCloseDays: 2,
  // seed step B: the second meeting is proposed this many days after the first visit (survey)
  secondMeetingAfterDays: 3,
  revisitIntervalDays: { standard: 30, vip: 14 },
  steps: {
    // ---- pre-sales, seed chapter 1 (A–H)
    qualify: {
      caseType: 'deal', role: 'sales', label: '客户定性', assign: 'case_owner', due: { days: 0.5 },
      outcomes: {
        develop: { input: 'qualify_develop', next: ['tech_assessment'], effects: ['deal.secondMeeting'] },
        drop: { input: 'reason', end: 'dropped', effects: ['deal.endReason'] },
      },
    },
    tech_assessment: {
      caseType: 'deal', role: 'engineer', label: '技术鉴定', due: { days: 0.5 },
      outcomes: { done: { input: 'tech_assessment', document: 'tech_assessment', next: ['proposal_draft'], effects: ['deal.equipmentTotals'] } },
    },
    proposal_draft: {
      caseType: 'deal', role: 'sales', label: '方案草拟', assign: 'case_owner', due: { days: 0.5 },
      outcomes: { done: { input: 'proposal', document: 'proposal', next: ['manager_review'], effects: ['deal.proposalFigures'] } },
    },
    manager_review: {
      caseType: 'deal', role: 'sales_manager', label: '经理审核', due: { days: 1 },
      outcomes: {
        approve: { input: 'feasibility', document: 'feasibility', next: ['gm_approval'], effects: ['deal.payback'] },
        revise: { input: 'comments', next: ['proposal_draft'] },
        reject: { input: 'reason', end: 'lost', effects: ['deal.endReason'] },
      },
    },
    gm_approval: {
      caseType: 'deal', role: 'gm', label: '总经理审批', due: { days: 1 },
      outcomes: {
        approve: { input: 'optional_comments', next: ['proposal_delivery'] },
        return: { input: 'optional_comments', next: ['manager_review'] },
        reject: { input: 'optional_comments', end: 'lost', effects: ['deal.endReason'] },
      },
    },
    proposal_delivery: {
      caseType: 'deal', role: 'sales', label: '方案递交', assign: 'case_owner', due: { days: 5, from: 'case_created' },
      outcomes: { done: { input: 'delivery', next: ['negotiation'] } },
    },
    negotiation: {
      caseType: 'deal', role: 'sales', label: '商务谈判', assign: 'case_owner', due: { none: true }, longAfterDays: 10,
      outcomes: {
        signed: { input: 'contract', document: 'contract', next: ['contract_archive'], effects: ['deal.contract'] },
        lost: { input: 'reason', end: 'lost', effects: ['deal.endReason'] },
      },
    },
    // ---- contract and installation, seed chapter 2 (I–J)
    contract_archive: {
      caseType: 'deal', role: 'admin_clerk', label: '合同归档', due: { days: 1 },
      outcomes: { done: { input: 'note', next: ['procurement'], effects: ['deal.archive', 'procurement.plan'] } },
    },
    procurement: {
      caseType: 'deal', role: 'admin_clerk', label: '采购', due: { days: 5 },
      outcomes: { done: { input: 'procurement', next: ['installation_dispatch'], effects: ['procurement.close'] } },
    },
    installation_dispatch: {
      caseType: 'deal', role: 'tech_manager', label: '派工', due: { days: 1 },
      outcomes: { done: { input: 'dispatch', next: ['installation'], effects: ['deal.dispatch'] } },
    },
    installation: {
      caseType: 'deal', role: 'engineer', label: '装机', assign: { fromField: 'engineerIds' },
      due: { endOfDayOfField: 'scheduledAt' },
      outcomes: { done: { input: 'installation', document: 'installation_order', end: 'installed', effects: ['deal.installed'] } },
    },
    // ---- after-sales, seed chapter 3 (K–N)
    answer: {
      caseType: 'ticket', role: 'engineer', alsoRoles: ['partner_engineer'], label: '咨询答复', due: { days: 1, tier: 'customer' },
      outcomes: { done: { input: 'answer', end: 'closed' } },
    },
    resolve: {
      caseType: 'ticket', role: 'engineer', alsoRoles: ['partner_engineer'], label: '故障处理', due: { days: 1, tier: 'customer' },
      outcomes: { done: { input: 'resolve', next: ['follow_up'], effects: ['ticket.resolve'] } },
    },
    follow_up: {
      caseType: 'ticket', role: 'cs_agent', label: '回访确认', due: { days: 1, tier: 'customer' },
      outcomes: {
        satisfied: { input: 'follow_up', end: 'closed', effects: ['ticket.followUp'] },
        unsatisfied: { input: 'follow_up', next: ['resolve'], effects: ['ticket.followUp'] },
      },
    },
    revisit: {
      caseType: 'customer', role: 'cs_agent', label: '定期回访', due: { days: 2 },
      outcomes: { done: { input: 'revisit', document: 'revisit', end: 'done' } },
    },
  },
  forms: {
    survey: { title: '客户通讯状况调查表', prefix: 'DC', copies: ['business', 'admin'] },
    tech_assessment: { title: '技术鉴定回执单', prefix: 'JD', copies: ['technical', 'business', 'admin'] },
    proposal: { title: '客户业务详细解决方案', prefix: 'FA', copies: ['business', 'admin'] },
    feasibility: { title: '实施可行性鉴定表', prefix: 'KX', copies: ['business', 'admin'] },
    contract: { title: '合同', prefix: 'HT', copies: ['business', 'admin'] },
    installation_order: { title: '装机单', prefix: 'ZJ', copies: ['technical', 'admin'] },
    complaint_record: { title: '客户技术质量投诉记录单', prefix: 'TS', copies: ['technical', 'customer_service', 'admin'] },
    problem_feedback: { title: '客户问题反馈单', prefix: 'FK', copies: ['technical', 'customer_service'] },
    revisit: { title: '客户回访记录', prefix: 'HF', copies: ['customer_service'] },
  },
};
