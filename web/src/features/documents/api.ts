import { api, buildUrl, type Schemas } from '../../app/api';

/** A numbered document; `fields` holds the form's values. */
export type FormDocument = Schemas['Document'];

export function getDocument(id: string) {
  return api.get<FormDocument>(`/documents/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

/** The printable A4 page; opened in a new tab, authenticated by the session cookie. */
export function printUrl(id: string): string {
  return buildUrl(`/documents/${encodeURIComponent(id)}/print`);
}

// ---- the archive (GET /documents, POST /documents/{id}/archive, GET /documents/export.xlsx) ----

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

export type ArchivedDocument = Schemas['ArchivePage']['items'][number];

export function searchDocuments(filters: ArchiveFilters, page: number, pageSize: number) {
  return api.get<Schemas['ArchivePage']>('/documents', { ...filters, page, pageSize });
}

export function archiveDocument(id: string) {
  return api.post<FormDocument>(`/documents/${encodeURIComponent(id)}/archive`);
}

/** The Excel export of the same search (a download link; the session cookie authenticates). */
export function exportUrl(filters: ArchiveFilters): string {
  return buildUrl('/documents/export.xlsx', { ...filters });
}

// ---- the asset registry by serial number (GET /assets?serial=) ----

export type AssetHistoryItem = Schemas['AssetHistory']['items'][number];

export function assetsBySerial(serial: string) {
  return api.get<Schemas['AssetHistory']>('/assets', { serial });
}
