/**
 * The live preview: the export made again (by exportNotes) a moment after the user stops
 * changing the format, grouping or filter, so a run of clicks costs one export, not one each.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../../shared/api';
import type { ExportedFile, ExportRequest } from '../../../shared/export';
import { messageOf } from '../state/errors';

const SETTLE_MS = 250;

export interface PreviewState {
  /** The last export made, with the request it was made for (it may be older than the choices shown). */
  readonly shown: { readonly request: ExportRequest; readonly file: ExportedFile } | null;
  /** Whether an export for the current choices is still on its way. */
  readonly pending: boolean;
  readonly error: string | null;
}

export function useExportPreview(client: ApiClient, request: ExportRequest): PreviewState {
  const [state, setState] = useState<PreviewState>({ shown: null, pending: true, error: null });
  // The request compared by value: the dialog builds a new object on every render.
  const key = JSON.stringify(request);

  useEffect(() => {
    let current = true;
    const wanted = JSON.parse(key) as ExportRequest;
    setState((before) => ({ ...before, pending: true }));
    const timer = setTimeout(() => {
      client
        .exportNotes(wanted)
        .then((file) => current && setState({ shown: { request: wanted, file }, pending: false, error: null }))
        .catch((error: unknown) => current && setState((before) => ({ ...before, pending: false, error: messageOf(error) })));
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, key]);

  return state;
}
