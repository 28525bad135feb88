/**
 * Which character encoding a text file is in, and decoding it. Detection is chardet's (a port of
 * ICU's detector: n-gram statistics for the legacy single-byte encodings such as windows-1251 and
 * KOI8-R, byte patterns for the multi-byte ones), with three certainties put before it: a byte
 * order mark, bytes that are valid UTF-8, and for HTML a declared charset. Labels are resolved by
 * the WHATWG TextDecoder's table, so every name here is a WHATWG encoding name.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { COMMON_ENCODINGS } from '../../shared/domain';
import { ImportError } from './errors';
import type { EncodingGuess } from './types';

/** How much of a large file the statistical detector reads (it needs far less). */
const DETECTOR_SAMPLE = 256 * 1024;


/** The WHATWG name of an encoding label ('cp1251' → 'windows-1251'), or null if it is none this runtime decodes. */
function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte order mark, which the detector does not try: text in Latin script puts a
 * zero in every other byte. (Text files never contain zero bytes otherwise.)
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 8192) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

/** The charset an HTML page declares in its first KiB (<meta charset> or http-equiv), as WHATWG's prescan would find it. */
function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString('latin1');
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!match?.[1]) return null;
  const encoding = canonicalEncoding(match[1]);
  // A page that could declare itself in ASCII is not UTF-16, whatever it says (WHATWG rule).
  return encoding?.startsWith('utf-16') ? 'utf-8' : encoding;
}

export interface Detection {
  readonly best: EncodingGuess;
  /** All candidates, best first (the best included), without duplicates. */
  readonly candidates: readonly EncodingGuess[];
}

export function detectEncoding(bytes: Uint8Array, options: { html?: boolean } = {}): Detection {
  const guesses = new Map<string, number>();
  const add = (label: string, confidence: number): void => {
    const encoding = label.toUpperCase() === 'ASCII' ? 'utf-8' : canonicalEncoding(label);
    if (!encoding || encoding === 'replacement') return;
    const clamped = Math.max(0, Math.min(1, confidence));
    if ((guesses.get(encoding) ?? -1) < clamped) guesses.set(encoding, clamped);
  };
  const certain: EncodingGuess[] = [];

  const bom = bomEncoding(bytes);
  if (bom) certain.push({ encoding: bom, confidence: 1 });
  const utf8 = !bom && isValidUtf8(bytes);
  const ascii = utf8 && isAscii(bytes);
  const utf16 = bom ? null : utf16WithoutBom(bytes);
  if (utf16) certain.push({ encoding: utf16, confidence: 0.9 });

  const declared = options.html && !bom && !utf16 ? declaredHtmlCharset(bytes) : null;
  // Bytes that are valid UTF-8 and not plain ASCII are UTF-8 (legacy text almost never is), even
  // where a page's old <meta> says otherwise; otherwise a declared charset comes first.
  if (utf8 && !ascii) certain.push({ encoding: 'utf-8', confidence: 1 });
  if (declared && (declared !== 'utf-8' || utf8)) certain.push({ encoding: declared, confidence: ascii ? 1 : 0.95 });
  if (ascii) certain.push({ encoding: 'utf-8', confidence: 1 });

  // A byte order mark settles it; otherwise the detector's statistics rank the legacy encodings.
  if (!bom) {
    const sample = bytes.length > DETECTOR_SAMPLE ? bytes.subarray(0, DETECTOR_SAMPLE) : bytes;
    for (const match of chardet.analyse(sample)) {
      // chardet's UTF-8 and UTF-16 verdicts are covered above, and surer there; "ASCII" is UTF-8 only if the bytes are.
      if (/^UTF-/i.test(match.name) || (match.name.toUpperCase() === 'ASCII' && !utf8)) continue;
      add(match.name, match.confidence / 100);
    }
  }

  const candidates: EncodingGuess[] = [];
  const seen = new Set<string>();
  for (const guess of certain) {
    if (seen.has(guess.encoding)) continue;
    seen.add(guess.encoding);
    candidates.push(guess);
  }
  const rest = [...guesses]
    .filter(([encoding]) => !seen.has(encoding))
    .sort((a, b) => b[1] - a[1])
    .map(([encoding, confidence]) => ({ encoding, confidence }));
  candidates.push(...rest);
  const best = candidates[0] ?? { encoding: 'windows-1252', confidence: 0 };
  if (candidates.length === 0) candidates.push(best);
  return { best, candidates };
}

/** iconv-lite's names where they differ from WHATWG's. */
const ICONV_NAMES: Readonly<Record<string, string>> = { 'x-mac-cyrillic': 'maccyrillic' };

/**
 * Decodes with a WHATWG encoding label; the byte order mark, if any, is not part of the text.
 * UTF-8 and UTF-16 go through TextDecoder; legacy encodings through iconv-lite, because Node's
 * TextDecoder gets some of them wrong (Node 20 decodes windows-1252 as ISO-8859-1, so ’ “ ” — …
 * become C1 control characters).
 */
export function decode(bytes: Uint8Array, label: string): { readonly text: string; readonly encoding: string } {
  const encoding = canonicalEncoding(label);
  if (!encoding || encoding === 'replacement') {
    throw new ImportError(
      'encoding',
      `“${label}” is not a character encoding Sourcebench knows. Choose another, for example ${COMMON_ENCODINGS.slice(0, 6).join(', ')}, or leave it empty to use the detected one.`,
    );
  }
  const iconvName = ICONV_NAMES[encoding] ?? encoding;
  let text =
    encoding === 'utf-8' || encoding.startsWith('utf-16') || !iconv.encodingExists(iconvName)
      ? new TextDecoder(encoding).decode(bytes)
      : iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), iconvName);
  // TextDecoder drops a BOM of its own encoding; a second one, or a UTF-8 BOM read as UTF-16, is dropped here.
  while (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}
