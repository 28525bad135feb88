/**
 * How a failed change reaches the user: the stores reject with the client's ApiError, and the
 * component that asked shows its message where the user acted (next to a field, under a form).
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../../shared/errors';

const FALLBACK = 'The change could not be saved.';

/** The error's message as the server wrote it. */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : FALLBACK;
}

/** The message without the name of the method it came from ("updateClaim: …"), for a field's own error line. */
function plainMessageOf(error: unknown): string {
  return messageOf(error).replace(/^[a-zA-Z]+:\s*/, '');
}

/** The input the server named as at fault ("date", "account.annotationId"), if any. */
export function fieldOf(error: unknown): string | null {
  return error instanceof ApiError ? (error.field ?? null) : null;
}

/**
 * A component's own error line for changes it starts and does not wait on (a stance chosen, a
 * detach): `attempt` runs the change, keeps its failure's message for the line, and resolves to
 * the result, or to null if it failed.
 */
export function useFailure(): {
  readonly failure: string | null;
  readonly attempt: <T>(change: Promise<T>) => Promise<T | null>;
  readonly clear: () => void;
} {
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = useCallback(async <T>(change: Promise<T>): Promise<T | null> => {
    try {
      const result = await change;
      setFailure(null);
      return result;
    } catch (error) {
      setFailure(messageOf(error));
      return null;
    }
  }, []);
  const clear = useCallback(() => setFailure(null), []);
  return { failure, attempt, clear };
}

/** Waits for a change and says what went wrong, in a field's words, or null when it was saved. */
export async function problemOf(change: Promise<unknown>): Promise<string | null> {
  try {
    await change;
    return null;
  } catch (error) {
    return plainMessageOf(error);
  }
}
