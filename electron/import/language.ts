/** The language of a text, guessed by franc (trigram statistics) and given as a BCP 47 tag. */
import { franc } from 'franc-min';
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';

/** franc's codes for macrolanguage members whose usual tag is the macrolanguage's. */
const MACRO: Readonly<Record<string, string>> = { cmn: 'zh', arb: 'ar', pes: 'fa', zlm: 'ms', uzn: 'uz', azj: 'az', ekk: 'et', lvs: 'lv', swh: 'sw', npi: 'ne', ory: 'or', khk: 'mn', plt: 'mg', ydd: 'yi', gaz: 'om' };

/** A BCP 47 tag ('ru', 'en', …) or null when the text is too short or the guess unsure. */
export function guessLanguage(text: string): string | null {
  const sample = text.slice(0, 6000);
  if (sample.replace(/[\s\d\p{P}]+/gu, '').length < 40) return null;
  const code = franc(sample, { minLength: 40 });
  if (code === 'und') return null;
  return MACRO[code] ?? iso6393To1[code] ?? code;
}

/** The primary language of a declared tag ('en-GB' stays 'en-GB'; junk gives null). */
export function declaredLanguage(tag: string | null | undefined): string | null {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(trimmed)) return null;
  const [primary, ...rest] = trimmed.split('-');
  return [primary!.toLowerCase(), ...rest].join('-');
}
