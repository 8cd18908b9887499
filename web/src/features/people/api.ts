// People and money (issue 14): leads, commissions, duty, allowances, the mailbox, training.
import { api, buildUrl, type Schemas } from '../../app/api';

export type Lead = Schemas['LeadListItem'];
export type CommissionStatement = Schemas['CommissionStatement'];
export type CommissionLine = Schemas['CommissionLine'];
export type DutyMonth = Schemas['DutyMonth'];
export type DutyDay = Schemas['DutyDay'];
export type AllowanceStatement = Schemas['AllowanceStatement'];
export type AllowanceLine = Schemas['AllowanceLine'];
export type Letter = Schemas['MailboxLetter'];
export type TrainingSession = Schemas['TrainingSession'];
export type LeadClass = 'A' | 'B' | 'C';

export const listLeads = () => api.get<{ items: Lead[] }>('/leads');
export interface LeadInput { customerName: string; contactPerson?: string; phone?: string; need: string; claimedClass: LeadClass; justification?: string }
export const createLead = (body: LeadInput) => api.post<Lead>('/leads', body);
export const acceptLead = (id: string, body: { salespersonId: string; class: LeadClass; classReason?: string }) => api.post<Lead>(`/leads/${id}/accept`, body);
export const rejectLead = (id: string, reason: string) => api.post<Lead>(`/leads/${id}/reject`, { reason });

export const getCommissions = (month: string) => api.get<CommissionStatement>('/commissions', { month });
export const approveCommissions = (month: string) => api.post<CommissionStatement>(`/commissions/${month}/approve`);
export const payCommission = (month: string, leadId: string) => api.post<CommissionStatement>(`/commissions/${month}/lines/${leadId}/pay`);
export const commissionsXlsxUrl = (month: string) => buildUrl('/commissions.xlsx', { month });

export type Rota = 'cs' | 'oncall';
export const getDuty = (month: string, rota: Rota) => api.get<DutyMonth>('/duty', { month, rota });
export const generateDuty = (month: string, rota: Rota) => api.post<DutyMonth>(`/duty/${month}/generate?rota=${rota}`);
export const swapDuty = (month: string, body: { rota: Rota; date: string; withDate: string }) => api.post<DutyMonth>(`/duty/${month}/swap`, body);

export const getAllowances = (month: string) => api.get<AllowanceStatement>('/allowances', { month });
export const approveAllowances = (month: string) => api.post<AllowanceStatement>(`/allowances/${month}/approve`);
export const allowancesXlsxUrl = (month: string) => buildUrl('/allowances.xlsx', { month });

export const writeLetter = (body: { subject: string; body: string; anonymous: boolean }) => api.post<{ id: string; replyCode?: string }>('/mailbox', body);
export const readMailbox = () => api.get<{ items: Letter[] }>('/mailbox');
export const myLetters = () => api.get<{ items: Letter[] }>('/mailbox/mine');
export const replyLetter = (id: string, body: string) => api.post<Letter>(`/mailbox/${id}/reply`, { body });
export const replyByCode = (code: string) => api.get<{ subject: string; state: string; reply: string | null }>(`/mailbox/replies/${encodeURIComponent(code)}`, undefined, { quiet: [404] });

export const listTraining = (from: string, to: string) => api.get<{ items: TrainingSession[] }>('/training', { from, to });
export const planTraining = (from: string, weeks: number) => api.post<{ items: TrainingSession[] }>('/training/plan', { from, weeks });
export const updateTrainingSession = (id: string, body: { topic?: string; lecturerId?: string }) => api.patch<TrainingSession>(`/training/${encodeURIComponent(id)}`, body);
export const recordTrainingAttendance = (id: string, userIds: string[]) => api.put<TrainingSession>(`/training/${encodeURIComponent(id)}/attendance`, { userIds });
