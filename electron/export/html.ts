/**
 * Annotated notes as one self-contained, printable HTML file: inline CSS with print styles, no
 * scripts, no external resources. Highlights keep their colours (and name them, since meaning
 * never rests on colour alone), each source shows its assessment, and each claim gets a section
 * comparing its accounts. Every string from a user or a source is escaped on the way out.
 */
import { escapeUTF8 as escape } from 'entities';
import { displayTitle } from '../../shared/domain';
import type { ExportGrouping } from '../../shared/export';
import { REPORT_STYLESHEET } from '../../shared/report-style';
import { citationParts, formatCitation, HTML_CITATION } from './citation';
import { groupAnnotations, groupTitle, indexSnapshot } from './grouping';
import { credibilityLabel, kindLabel, reliabilityLabel, stanceLabel, tagPathLabel } from './labels';
import type { ExportAnnotation, ExportClaim, ExportDocument, ExportSnapshot } from './model';
import { noteToHtml, textParagraphsHtml } from './note-html';
import { assessmentQuestions, filterSummary } from './summary';

export interface HtmlOptions {
  readonly groupBy: ExportGrouping;
}

const dlOf = (rows: [string, string | null][]): string =>
  `<dl>${rows
    .filter((row): row is [string, string] => row[1] !== null)
    .map(([term, value]) => `<dt>${escape(term)}</dt><dd>${value}</dd>`)
    .join('')}</dl>`;

export function exportHtml(snapshot: ExportSnapshot, options: HtmlOptions): string {
  const index = indexSnapshot(snapshot);
  const filter = filterSummary(snapshot);
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="Sourcebench">`,
    `<title>Annotated notes: ${escape(snapshot.project)}</title>`,
    `<style>${REPORT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>Annotated notes: ${escape(snapshot.project)}</h1>`,
    `<p class="meta">Exported <time datetime="${escape(snapshot.exportedAt)}">${escape(snapshot.exportedAt.slice(0, 10))}</time>; ` +
      `${snapshot.annotations.length} annotations from ${snapshot.documents.length} sources, ${snapshot.claims.length} claims; grouped by ${options.groupBy}.` +
      (filter.length > 0
        ? ` Filter: ${filter.map(([key, value]) => `${escape(key)}: ${escape(Array.isArray(value) ? value.join(', ') : value)}`).join('; ')}.`
        : '') +
      '</p>',
    '</header>',
    '<section class="sources">',
    '<h2>Sources</h2>',
    ...snapshot.documents.map(sourceHtml),
    '</section>',
    '<section class="annotations">',
    `<h2>Annotations by ${options.groupBy}</h2>`,
  ];

  const annotationHtml = (annotation: ExportAnnotation): string => {
    const document = index.document(annotation.documentId);
    const lang = escape(document.language);
    const quote = annotation.quote.exact.split(/\n+/).filter((line) => line.trim() !== '');
    const before = annotation.quote.prefix.replace(/\s+/g, ' ');
    const after = annotation.quote.suffix.replace(/\s+/g, ' ');
    const quoteHtml = quote
      .map((line, i) => {
        const head = i === 0 && before.trim() ? `<span class="context">…${escape(before)}</span>` : '';
        const tail = i === quote.length - 1 && after.trim() ? `<span class="context">${escape(after)}…</span>` : '';
        return `<p>${head}<mark>${escape(line)}</mark>${tail}</p>`;
      })
      .join('');
    const tags = index.tagsOf(annotation);
    const note = noteToHtml(annotation.note, annotation.noteText);
    return [
      `<article class="annotation hl-${annotation.color}">`,
      `<blockquote lang="${lang}">${quoteHtml}</blockquote>`,
      `<p class="citation">${formatCitation(citationParts(document, annotation.location), HTML_CITATION)}</p>`,
      tags.length > 0 ? `<p class="tags">${tags.map((tag) => `<span class="tag">${escape(tagPathLabel(tag.path))}</span>`).join('')}</p>` : '',
      `<p class="grades">Source <span class="grade">${escape(reliabilityLabel(document.assessment.reliability))}</span>; ` +
        `information <span class="grade">${escape(credibilityLabel(annotation.credibility))}</span>; colour ${annotation.color}</p>`,
      annotation.claims.length > 0
        ? `<ul class="claims-of">${annotation.claims
            .map((account) => `<li>${escape(stanceLabel(account.stance))} “${escape(account.wording)}”${account.note ? ` (${escape(account.note)})` : ''}</li>`)
            .join('')}</ul>`
        : '',
      note ? `<div class="note">${note}</div>` : '',
      '</article>',
    ]
      .filter(Boolean)
      .join('\n');
  };

  for (const group of groupAnnotations(snapshot, options.groupBy)) {
    parts.push(`<section class="group">`, `<h3>${escape(groupTitle(group))}</h3>`);
    if (group.kind === 'claim') parts.push(claimHtml(group.claim, index));
    parts.push(...group.annotations.map(annotationHtml), '</section>');
  }
  parts.push('</section>');

  if (options.groupBy !== 'claim' && snapshot.claims.length > 0) {
    parts.push('<section class="claims">', '<h2>Claims compared</h2>');
    for (const claim of snapshot.claims) parts.push(`<section class="claim"><h3>${escape(claim.wording)}</h3>`, claimHtml(claim, index), '</section>');
    parts.push('</section>');
  }
  parts.push('</body>', '</html>');
  return `${parts.join('\n')}\n`;
}

function sourceHtml(document: ExportDocument): string {
  const title = escape(displayTitle(document));
  return [
    '<div class="source">',
    `<h3>${document.position}. ${document.titleSupplied ? title : `<cite>${title}</cite>`}</h3>`,
    dlOf([
      ['Author', escape(document.author ?? 'unknown')],
      ['Translator', document.translator ? escape(document.translator) : null],
      ['Date', escape(document.date ?? 'unknown')],
      ['Kind', escape(kindLabel(document.kind))],
      ['Language', escape(document.language)],
      ['File', `${escape(document.fileName)} <span class="meta">SHA-256 ${escape(document.sha256)}</span>`],
      ['Reliability', `<span class="grade">${escape(reliabilityLabel(document.assessment.reliability))}</span>`],
      ...assessmentQuestions(document.assessment).map(([question, answer]): [string, string] => [question, escape(answer)]),
    ]),
    '</div>',
  ].join('\n');
}

/** A claim's particulars and its accounts side by side, one table row per account. */
function claimHtml(claim: ExportClaim, index: ReturnType<typeof indexSnapshot>): string {
  const rows = claim.accounts.map((account) => {
    const annotation = index.annotation(account.annotationId);
    const document = index.document(annotation.documentId);
    return (
      '<tr>' +
      `<td>${formatCitation(citationParts(document, annotation.location), HTML_CITATION)}</td>` +
      `<td>${escape(reliabilityLabel(document.assessment.reliability))}</td>` +
      `<td class="stance-${account.stance}">${escape(stanceLabel(account.stance))}</td>` +
      `<td class="hl-${annotation.color}" lang="${escape(document.language)}"><mark>${escape(annotation.quote.exact)}</mark></td>` +
      `<td>${escape(credibilityLabel(annotation.credibility))}</td>` +
      `<td>${escape(account.note)}</td>` +
      '</tr>'
    );
  });
  return [
    dlOf([
      ['Date', escape(claim.date ?? 'undated')],
      ['People', claim.people.length > 0 ? escape(claim.people.join(', ')) : null],
      ['Places', claim.places.length > 0 ? escape(claim.places.join(', ')) : null],
      ['Credibility', escape(credibilityLabel(claim.credibility))],
      ['Verdict', claim.verdict.trim() ? textParagraphsHtml(claim.verdict) : null],
    ]),
    '<table class="compare">',
    '<thead><tr><th>Source</th><th>Reliability</th><th>Stance</th><th>Account</th><th>Credibility</th><th>What differs</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody>`,
    '</table>',
  ].join('\n');
}
