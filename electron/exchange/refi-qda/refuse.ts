import { ApiError } from '../../../shared/errors';

/** Stops an import of a file it cannot take, saying why in a user's words; the project is unchanged. */
export function refuse(message: string): never {
  throw new ApiError('invalid_input', `${message} Nothing was imported.`, 'data');
}
