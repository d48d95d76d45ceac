import i18next from 'i18next';
import { api, ApiError, type FieldErrors } from '../../api/client.ts';

/** The fields a column can be read as (the server lists them in every dry-run too). */
export type ImportField = string;

export interface ImportMessage {
  cell: string | null;
  column: string | null;
  message: string;
}

export interface ImportRow {
  sheet: string | null;
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'error';
  registerNo: string | null;
  name: string | null;
  unit: string | null;
  changes?: string[];
  errors?: ImportMessage[];
  notes?: ImportMessage[];
}

export interface RowRef {
  sheet: string | null;
  row: number;
  cell: string | null;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

export interface ImportEffects {
  units: number;
  people: number;
  roleStarts: number;
  roleEnds: number;
  suppliers: number;
  agreements: number;
}

export interface ImportPreview {
  id: string;
  expiresAt: string;
  fileName: string | null;
  createMissing: boolean;
  counts: ImportCounts;
  effects: ImportEffects;
  rows: ImportRow[];
  mapping: { column: string; field: ImportField | null; sheets: string[] }[];
  fields: ImportField[];
  unknownUnits: { name: string; create: boolean; rows: RowRef[] }[];
  unknownPeople: { name: string; email: string | null; create: boolean; rows: RowRef[] }[];
  shared: { name: string; owner: string; usedBy: string[]; rows: RowRef[] }[];
  sheets: { name: string | null; headerRow: number | null; rows: number; notes: number; unitFromName: boolean }[];
  notices: string[];
}

export interface ImportResult {
  id: string;
  appliedAt: string;
  counts: ImportCounts;
  effects: ImportEffects;
}

export interface ImportOptions {
  /** Header as in the file → field, or null to ignore the column. */
  mapping?: Record<string, ImportField | null>;
  createMissing: boolean;
}

function errorOf(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { error?: { code?: string; message?: string; fields?: FieldErrors } };
    if (body.error?.code) {
      return new ApiError({ status, code: body.error.code, message: body.error.message || i18next.t('errors.unexpected'), fields: body.error.fields });
    }
  } catch {
    // not JSON (a proxy's error page)
  }
  return new ApiError({ status, code: `http_${status}`, message: i18next.t('errors.unexpected') });
}

/**
 * Uploads the file for a dry-run with XMLHttpRequest, which reports upload progress (fetch does not):
 * onProgress gets the share sent (0–1), then null while the server reads the file.
 */
export async function uploadImport(file: File, options: ImportOptions, onProgress: (sent: number | null) => void): Promise<ImportPreview> {
  const { token } = await api.get<{ token: string }>('/api/auth/csrf');
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  if (options.mapping) form.append('mapping', JSON.stringify(options.mapping));
  form.append('createMissing', String(options.createMissing));
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports/systems');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18next.resolvedLanguage ?? i18next.language ?? 'sv');
    xhr.setRequestHeader('x-ansvar-origin', 'ui');
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded / e.total : 0);
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network_error', message: i18next.t('errors.network') }));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportPreview);
        } catch {
          reject(errorOf(xhr.status, ''));
        }
      } else reject(errorOf(xhr.status, xhr.responseText));
    };
    xhr.send(form);
  });
}

export const applyImport = (id: string) => api.post<ImportResult>(`/api/imports/${encodeURIComponent(id)}/apply`, {});
