/**
 * The renderer's Content-Security-Policy, declared once: the Electron window, the browser host's
 * headers and the built index.html all use this string. Nothing inline, nothing remote, but for
 * the one stylesheet of the HTML report, allowed by its hash, which the export preview shows.
 */
import { REPORT_STYLESHEET_CSP_HASH } from './report-style';

export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${REPORT_STYLESHEET_CSP_HASH}`,
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // The browser host's API is same-origin; the Electron renderer makes no requests at all.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** frame-ancestors only works as a header (browsers ignore it in a <meta> tag). */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;

/**
 * How a client of the browser host carries the per-start secret: one request header, the token
 * as a bearer credential. The host compares the header's whole value.
 */
export const TOKEN_HEADER = 'authorization';

export function tokenHeaderValue(token: string): string {
  return `Bearer ${token}`;
}
export const API_PATH_PREFIX = '/api/';
