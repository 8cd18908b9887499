// The process editor's calls: versions, drafts, validation, publishing, differences.
import { api, type Schemas } from '../../../app/api';

export type VersionItem = Schemas['ProcessVersion'];
export type Change = Schemas['ProcessChange'];
/** A definition as the editor edits it: the JSON GET /process serves (see src/domain/process/definition.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type EditDef = Record<string, any>;
export interface Issue { path: string; message: string }

export const listVersions = () => api.get<{ items: VersionItem[] }>('/process/versions');
export const getVersion = (v: number) => api.get<{ version: number; status: string; basedOn: number | null; definition: EditDef }>(`/process/versions/${v}`);
export const getCurrent = () => api.get<EditDef>('/process');
export const validateDefinition = (definition: EditDef) => api.post<{ valid: boolean; issues: Issue[] }>('/process/validate', { definition });
export const saveDraft = (definition: EditDef) => api.post<{ version: number; status: 'draft'; basedOn: number }>('/process/versions', { definition }, { quiet: [400] });
export const publishVersion = (v: number) => api.post<{ version: number; current: true; rolledBackFrom?: number }>(`/process/versions/${v}/publish`);
export const diffVersion = (v: number, against?: number) => api.get<{ version: number; against: number; changes: Change[] }>(`/process/versions/${v}/diff`, against ? { against } : undefined);
