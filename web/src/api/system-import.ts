import i18next from 'i18next';
import { api, ApiError, type FieldErrors } from './client.ts';

import type { HolderKind } from './org.ts';
import type { ResponseOf, Schema } from './types.ts';

export type ImportPreview = Schema<'SystemImportPreview'>;
export type ImportRow = ImportPreview['rows'][number];
export type ImportMessage = NonNullable<ImportRow['errors']>[number];
/** Where a name was met in the file. */
export type RowRef = ImportPreview['unknownUnits'][number]['rows'][number];
/** What an applied import wrote. */
export type ImportResult = Schema<'SystemImportResult'>;

export interface ImportOptions {
  /** Header as in the file → field (one the dry-run listed), or null to ignore the column. */
  mapping?: Record<string, string | null>;
  createMissing: boolean;
  /** How a name of the role cells is to be read, overriding what the import made of it. */
  holderMappings?: HolderMapping[];
  /** Sheet name as in the file → the förvaltning its rows belong to (a unit's name, code or a new förvaltning's full name). */
  sheetUnits?: Record<string, string>;
}

/** A name of the role cells and what it means: a unit, a supplier or a person in Ansvar, a new person, or no holder. */
export interface HolderMapping {
  text: string;
  as: 'new_person' | 'vacant' | { kind: HolderKind; id: string };
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
  const { token } = await api.get<ResponseOf<'/api/auth/csrf'>>('/api/auth/csrf');
  const form = new FormData();
  // Fields before the file: a streaming multipart parser sees them first.
  if (options.mapping) form.append('mapping', JSON.stringify(options.mapping));
  if (options.holderMappings?.length) form.append('holderMappings', JSON.stringify(options.holderMappings));
  if (options.sheetUnits && Object.keys(options.sheetUnits).length) form.append('sheetUnits', JSON.stringify(options.sheetUnits));
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
