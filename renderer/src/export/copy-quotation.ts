/**
 * "Copy as quotation": a highlight's quote with its citation on the clipboard, as plain text for
 * any editor and as HTML for word processors, which paste the block quote and the italic title.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Quotation } from '../../../shared/export';
import { messageOf } from '../state/errors';
import { useStores } from '../state/store-context';

const STATUS_MS = 4000;

export async function writeQuotation({ text, html }: Quotation): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([html], { type: 'text/html' }),
        }),
      ]);
      return;
    } catch (error) {
      // A host that denies the clipboard permission (a locked-down Electron session) still
      // allows a copy the user asked for: the copy event carries both flavours.
      if (copyThroughEvent(text, html)) return;
      throw error;
    }
  }
  if (copyThroughEvent(text, html)) return;
  await navigator.clipboard.writeText(text);
}

function copyThroughEvent(text: string, html: string): boolean {
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.clipboardData.setData('text/html', html);
    event.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    document.removeEventListener('copy', onCopy);
  }
}

/**
 * Copies a highlight as a quotation and says so for a moment ("Quotation copied", or why not),
 * for the component that offers the action to show where the user clicked.
 */
export function useCopyQuotation(): { readonly copy: (annotationId: string) => Promise<void>; readonly status: string | null } {
  const { annotations } = useStores();
  const [status, setStatus] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (annotationId: string) => {
      let message: string;
      try {
        await writeQuotation(await annotations.quotation(annotationId));
        message = 'Quotation copied';
      } catch (error) {
        message = `Not copied: ${messageOf(error)}`;
      }
      setStatus(message);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(null), STATUS_MS);
    },
    [annotations],
  );
  return { copy, status };
}
