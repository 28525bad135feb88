/**
 * The stylesheet of the HTML report, declared in shared/ because two parties need the very same
 * bytes: the exporter writes it into the report's <style>, and the renderer's Content-Security-
 * Policy allows exactly this stylesheet (by its hash) so the export dialog's sandboxed preview
 * shows the report as it prints, without allowing inline styles in general.
 */
import type { HighlightColor } from './annotations';
import type { Stance } from './claims';

/** Light tints of the app's highlight colours, dark enough to see on paper. */
const TINTS: Record<HighlightColor, string> = {
  yellow: '#fff1a8',
  red: '#ffc9c9',
  green: '#c9efc0',
  blue: '#cde3ff',
  purple: '#e3d3ff',
  magenta: '#ffcdef',
  orange: '#ffdcae',
  gray: '#e3e3e3',
};
const STANCE_TINTS: Record<Stance, string> = { supports: '#d7f0d0', contradicts: '#ffd6d6', qualifies: '#fff0c2', mentions: '#ececec' };

export const REPORT_STYLESHEET = `
:root { color-scheme: light; }
body { font: 16px/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #bbb; padding-bottom: .2rem; margin-top: 2.5rem; }
.meta, .citation, .context, dt { color: #555; }
.meta, .citation, .tags, .grades, .claims-of, dl, table { font-family: system-ui, sans-serif; font-size: .85rem; }
article { margin: 1.2rem 0; padding: .2rem 0 .2rem .9rem; border-left: 4px solid #ccc; }
blockquote { margin: 0 0 .4rem; }
blockquote p { margin: .2rem 0; }
mark { padding: 0 .1em; color: inherit; }
${Object.entries(TINTS)
  .map(([color, tint]) => `.hl-${color} mark { background: ${tint}; } article.hl-${color} { border-left-color: ${tint}; }`)
  .join('\n')}
.tag { display: inline-block; border: 1px solid #999; border-radius: .7rem; padding: 0 .5rem; margin: 0 .2rem .2rem 0; }
.grade { font-weight: bold; }
.note { border-top: 1px dotted #bbb; margin-top: .4rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #bbb; padding: .3rem .4rem; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
${Object.entries(STANCE_TINTS)
  .map(([stance, tint]) => `td.stance-${stance} { background: ${tint}; white-space: nowrap; }`)
  .join('\n')}
@page { margin: 18mm 16mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; }
  h2 { break-after: avoid; }
  article, tr, .source { break-inside: avoid; }
  mark, td, th, article { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; }
}
`;

/**
 * The CSP source that allows REPORT_STYLESHEET inline: sha256 of its UTF-8 bytes, base64. A test
 * recomputes it, so an edit of the stylesheet that forgets this line fails there, naming the new hash.
 */
export const REPORT_STYLESHEET_CSP_HASH = "'sha256-92Br/39jevDRtHqb4cUfNec5QRZeOQIT99sd6kOf1rY='";
