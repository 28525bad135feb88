/**
 * The browser host: the API table over HTTP on 127.0.0.1, plus the built renderer as static
 * files. Any page or program on the machine can reach a loopback port, so every API request must
 * carry a secret generated at each start, come from our own origin, and name our host (which
 * defeats DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Dispatch } from '../../../shared/dispatch';
import { ApiError, type ApiEnvelope, type ApiErrorCode } from '../../../shared/errors';
import { API_PATH_PREFIX, RENDERER_CSP_HEADER, TOKEN_HEADER, tokenHeaderValue } from '../../../shared/security';
import { DEFAULT_MAX_IMPORT_BYTES, maxRequestBytes } from '../../import/limits';

const LOOPBACK = '127.0.0.1';

export interface BrowserHostOptions {
  readonly dispatch: Dispatch;
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Tests pass a known token; otherwise 32 random bytes, new at every start. */
  readonly token?: string;
  /** Largest request body accepted; imports send whole files, base64-encoded (default: room for the default import limit). */
  readonly maxRequestBytes?: number;
  /** How long a client may take to send a whole request, headers and body (default: REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs?: number;
}

/**
 * A client that sends a request slower than this is cut off (408), so a stalled or hostile one
 * (slowloris) cannot hold a connection and its half-read body forever. A 50 MB import over
 * loopback takes well under a second; a minute leaves room for a machine that is busy.
 */
export const REQUEST_TIMEOUT_MS = 60_000;

export interface BrowserHost {
  readonly port: number;
  readonly origin: string;
  readonly token: string;
  /** The address to open: the token travels in the fragment, which browsers never send. */
  readonly url: string;
  /** API calls still being read or answered: none once every client is answered or gone. */
  pendingCalls(): number;
  close(): Promise<void>;
}

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  project_error: 500,
  // The request was fine; the workbench is in a state (no project open) where it cannot be served.
  no_project: 409,
  unauthorized: 401,
  internal: 500,
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(tokenHeaderValue(token));
  const serveStatic = fs.existsSync(options.rendererDir) ? staticFiles(options.rendererDir) : null;
  let port = 0;
  let pending = 0;
  const allowedHosts = () => [`${LOOPBACK}:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((host) => `http://${host}`);

  const handleRequest = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!allowedHosts().includes(request.headers.host ?? '')) {
      return sendFailure(response, 'unauthorized', 'Unexpected Host header', 403);
    }
    const url = parseTarget(request.url ?? '/', `http://${LOOPBACK}:${port}`);
    if (url === null) return sendPlain(response, 400, 'The request target is not a valid URL');
    // An absolute-form target names the host itself (RFC 9112 §3.2.2): hold it to the same rule as Host.
    if (!(request.url ?? '/').startsWith('/') && request.url !== '*' && !allowedHosts().includes(url.host)) {
      return sendFailure(response, 'unauthorized', 'Unexpected host in the request target', 403);
    }
    if (url.pathname.startsWith(API_PATH_PREFIX)) {
      const origin = request.headers.origin;
      if (origin !== undefined && !allowedOrigins().includes(origin)) {
        return sendFailure(response, 'unauthorized', `Requests from origin ${origin} are not accepted`, 403);
      }
      // A browser that leaves Origin out still tells where the request comes from; our page is same-origin.
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        return sendFailure(response, 'unauthorized', `Requests from another site (Sec-Fetch-Site: ${site}) are not accepted`, 403);
      }
      if (!tokenMatches(request.headers[TOKEN_HEADER], expected)) {
        return sendFailure(response, 'unauthorized', 'Missing or wrong access token', 401);
      }
      if (request.method !== 'POST') {
        response.setHeader('Allow', 'POST');
        return sendFailure(response, 'invalid_input', 'API methods are called with POST', 405);
      }
      const contentType = request.headers['content-type'] ?? '';
      if (!contentType.startsWith('application/json')) {
        return sendFailure(response, 'invalid_input', 'The request body must be application/json', 415);
      }
      const method = decodePath(url.pathname.slice(API_PATH_PREFIX.length));
      if (method === null) return sendFailure(response, 'invalid_input', 'The API method name is not valid percent-encoding');
      pending++;
      handleApiCall(request, response, method, options.dispatch, options.maxRequestBytes ?? maxRequestBytes(DEFAULT_MAX_IMPORT_BYTES))
        .catch((error: unknown) => answerUnexpected(request, response, error))
        .finally(() => pending--);
      return;
    }
    // sirv swallows a failed decode and answers 404; a malformed path deserves to be told so.
    if (decodePath(url.pathname) === null) return sendPlain(response, 400, 'The path is not valid percent-encoding');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendFailure(response, 'invalid_input', 'Only GET is served here', 405);
    }
    if (!serveStatic) {
      response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(`The renderer is not built (${options.rendererDir} is missing). Run: npm run build`);
      return;
    }
    try {
      serveStatic(request, response, () => sendPlain(response, 404, 'Not found'));
    } catch (error) {
      if (!(error instanceof OutsideBuild)) throw error;
      sendPlain(response, 404, 'Not found');
    }
  };

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node checks these deadlines on a timer, which must tick at least as often as the shortest one.
  const deadlines = { requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(30_000, Math.max(100, requestTimeout / 4)) };
  const server = http.createServer(deadlines, (request, response) => {
    // One odd request must never end the process that serves the open workbench.
    try {
      handleRequest(request, response);
    } catch (error) {
      answerUnexpected(request, response, error);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${LOOPBACK}:${port}`;
  return {
    port,
    origin,
    token,
    url: `${origin}/#token=${token}`,
    pendingCalls: () => pending,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

class OutsideBuild extends Error {}

/**
 * sirv over the renderer build, held to the build's own files: sirv lists the folder once at start
 * and follows links while doing so, so a link out of the folder would be served. A file that
 * vanishes or turns into a folder after that listing fails its read stream, which sirv leaves
 * without an error handler: such an error would end the process.
 */
function staticFiles(rendererDir: string): ReturnType<typeof sirv> {
  const root = fs.realpathSync(rendererDir);
  const inside = (file: fs.Stats) => builtFiles.has(`${file.dev}:${file.ino}`);
  const builtFiles = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const child = path.join(dir, entry.name);
      // Only what lies in the folder itself; a link counts by what it points to, checked below.
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) {
        const stats = fs.statSync(child);
        builtFiles.add(`${stats.dev}:${stats.ino}`);
      }
    }
  };
  walk(root);
  const serve = sirv(rendererDir, {
    dev: false,
    etag: true,
    dotfiles: false,
    setHeaders: (_response, pathname, stats) => {
      // Thrown before sirv writes anything, so the caller can still answer 404.
      if (!inside(stats)) throw new OutsideBuild(`${pathname} leads out of the renderer build`);
    },
  });
  return (request, response, next) => {
    response.once('pipe', (source: NodeJS.ReadableStream) => {
      source.once('error', (error) => {
        console.error(`browser host: reading ${request.url ?? '?'} failed:`, error.message);
        // The status line and length have gone out; cutting the connection is the honest ending.
        response.destroy();
      });
    });
    serve(request, response, next);
  };
}

function tokenMatches(header: string | undefined, expected: Buffer): boolean {
  if (header === undefined) return false;
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function handleApiCall(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  method: string,
  dispatch: Dispatch,
  maxRequestBytes: number,
): Promise<void> {
  let body: string;
  try {
    body = await readBody(request, maxRequestBytes);
  } catch (error) {
    // A client that went away (or was cut off by the timeout) has no one left to answer.
    if (error instanceof BodyTooLarge) return sendFailure(response, 'invalid_input', error.message, 413);
    response.destroy();
    return;
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (error) {
    return sendFailure(response, 'invalid_input', `The request body is not valid JSON: ${(error as Error).message}`);
  }
  const envelope = await dispatch(method, input);
  sendEnvelope(response, envelope, envelope.ok ? 200 : STATUS[envelope.error.code]);
}

class BodyTooLarge extends Error {}

/**
 * The request body, whole; or a failure as soon as it is over the limit, or the client aborts or
 * the connection ends early, so that no call waits for the rest of a body that will never come.
 */
function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: Error) => {
      chunks.length = 0;
      reject(error);
    };
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop collecting but keep draining, so the client still gets the 413 answer.
        request.removeAllListeners('data');
        request.resume();
        fail(new BodyTooLarge(`The request is larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
    // 'close' before 'end' means the body never came whole (once settled, a later reject is a no-op).
    request.on('close', () => {
      if (!request.complete) fail(new Error('The client closed the connection before the request body was complete'));
    });
  });
}

function parseTarget(target: string, base: string): URL | null {
  try {
    return new URL(target, base);
  } catch {
    return null;
  }
}

function decodePath(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function answerUnexpected(request: http.IncomingMessage, response: http.ServerResponse, error: unknown): void {
  console.error(`browser host: ${request.method ?? '?'} ${request.url ?? '?'} failed:`, error);
  // Half an answer cannot be mended; dropping the connection is the only honest ending.
  if (response.headersSent) {
    response.destroy();
    return;
  }
  if ((request.url ?? '').startsWith(API_PATH_PREFIX)) {
    sendFailure(response, 'internal', 'The request could not be handled');
  } else {
    sendPlain(response, 500, 'The request could not be handled');
  }
}

/** An answer outside the API (a static path): plain text. */
function sendPlain(response: http.ServerResponse, status: number, message: string): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(message);
}

function sendFailure(response: http.ServerResponse, code: ApiErrorCode, message: string, status?: number): void {
  sendEnvelope(response, new ApiError(code, message).toEnvelope(), status ?? STATUS[code]);
}

function sendEnvelope(response: http.ServerResponse, envelope: ApiEnvelope<unknown>, status: number): void {
  if (response.headersSent) return;
  // Stringify before the status goes out: an answer too large for one string (or not JSON at all)
  // must still reach the client as a failure it can show, not as a dropped connection.
  let body: string;
  try {
    body = JSON.stringify(envelope);
  } catch (error) {
    console.error(`An answer could not be sent: ${(error as Error).message}`);
    const failure = new ApiError('internal', `The answer could not be sent (${(error as Error).message}). The project is unchanged by this request.`);
    return sendEnvelope(response, failure.toEnvelope(), STATUS.internal);
  }
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(body);
}
