import { api, buildUrl } from '../../app/api';

export interface FormDocument {
  id: string;
  form: string;
  number?: string | null;
  caseId?: string | null;
  caseType?: string | null;
  fields?: Record<string, unknown>;
  signedBy?: unknown[];
  copies?: unknown[];
  createdAt: string;
}

export function getDocument(id: string) {
  return api.get<FormDocument>(`/documents/${encodeURIComponent(id)}`, undefined, { quiet: [404, 501] });
}

/** The printable A4 page; opened in a new tab, authenticated by the session cookie. */
export function printUrl(id: string): string {
  return buildUrl(`/documents/${encodeURIComponent(id)}/print`);
}

// ---- the archive (GET /documents, POST /documents/{id}/archive, GET /documents/export.xlsx) ----

/** The forms of the process (the `form` filter); labels come from `form.*` in the dictionary. */
export const FORMS = [
  'survey',
  'tech_assessment',
  'proposal',
  'feasibility',
  'contract',
  'installation_order',
  'complaint_record',
  'problem_feedback',
  'revisit',
] as const;

/** Departments on documents' copy lists (the `department` filter). */
export const DEPARTMENTS = ['business', 'technical', 'customer_service', 'admin', 'management'] as const;

export interface ArchiveFilters {
  number?: string;
  customer?: string;
  form?: string;
  /** YYYY-MM-DD, inclusive (Shanghai days) */
  from?: string;
  to?: string;
  department?: string;
  archived?: 'true' | 'false';
}

export interface ArchivedDocument extends FormDocument {
  customerId: string;
  customerName: string | null;
  archivedAt: string | null;
}

export function searchDocuments(filters: ArchiveFilters, page: number, pageSize: number) {
  return api.get<{ items: ArchivedDocument[]; total: number }>('/documents', { ...filters, page, pageSize }, { quiet: [404, 405, 501] });
}

export function archiveDocument(id: string) {
  return api.post<ArchivedDocument>(`/documents/${encodeURIComponent(id)}/archive`);
}

/** The Excel export of the same search (a download link; the session cookie authenticates). */
export function exportUrl(filters: ArchiveFilters): string {
  return buildUrl('/documents/export.xlsx', { ...filters });
}

// ---- the asset registry by serial number (GET /assets?serial=) ----

export interface AssetHistoryItem {
  id: string;
  brandModel: string;
  serialNumber: string;
  configDocNumber?: string | null;
  installedAt: string;
  replacedAt?: string;
  customerId: string;
  customerName: string | null;
  inService: boolean;
  replacedBy: { id: string; brandModel: string; serialNumber: string } | null;
  replaces: { id: string; brandModel: string; serialNumber: string } | null;
}

export function assetsBySerial(serial: string) {
  return api.get<{ items: AssetHistoryItem[] }>('/assets', { serial }, { quiet: [404, 405, 501] });
}
