/** The one error the importers throw on bad input: a code for the caller, a message for the user. */
export type ImportErrorCode = 'empty' | 'binary' | 'too-large' | 'corrupt' | 'no-text' | 'unsupported' | 'encoding';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  /** `message` says what is wrong and what the user can do next. */
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
