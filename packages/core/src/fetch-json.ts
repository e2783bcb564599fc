/**
 * Fetching a JSON data file (a training log, a table of results) so that a
 * missing or unreadable file becomes a message for the reader.
 */
import { FigureError } from './errors.js';

/**
 * Fetches and parses JSON, naming the file (`what`) and what went wrong:
 * `data-not-found` when it cannot be fetched, `data-invalid` when it is not
 * JSON. An abort is rethrown as it is.
 */
export async function fetchJson(url: string, what: string, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new FigureError('data-not-found', `The ${what} could not be loaded from ${url}.`, {
      cause: error,
    });
  }
  if (!response.ok) {
    throw new FigureError(
      'data-not-found',
      `The ${what} could not be loaded from ${url} (HTTP ${response.status}).`,
    );
  }
  try {
    return await response.json();
  } catch (error) {
    throw new FigureError('data-invalid', `The ${what} at ${url} is not JSON.`, { cause: error });
  }
}
