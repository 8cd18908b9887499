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
