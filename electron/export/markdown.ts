/**
 * Annotated notes as Markdown: YAML front matter (project, sources, date of export), then the
 * sources with their assessments, the annotations grouped as the user chose, and each claim with
 * its accounts as a comparison table. Every string a user or a source wrote goes through
 * note-markdown's escaping, so nothing in it can turn into markup.
 */
import { stringify } from 'yaml';
import { displayTitle } from '../../shared/domain';
import type { ExportGrouping } from '../../shared/export';
import { citationParts, formatCitation, type CitationStyle } from './citation';
import { groupAnnotations, groupTitle, indexSnapshot } from './grouping';
import { credibilityLabel, kindLabel, reliabilityLabel, stanceLabel } from './labels';
import type { ExportAnnotation, ExportClaim, ExportDocument, ExportSnapshot } from './model';
import { markdownInline, markdownParagraphs, noteToMarkdown } from './note-markdown';
import { assessmentQuestions, filterSummary } from './summary';

export interface MarkdownOptions {
  readonly groupBy: ExportGrouping;
}

const MARKDOWN_CITATION: CitationStyle = { text: markdownInline, italic: (title) => `*${title}*` };

/**
 * A codebook path as a nested tag, as Obsidian and similar tools read them:
 * ["cause of death", "suicide"] → #cause-of-death/suicide. Only letters, digits and hyphens
 * survive, so a tag can neither end early nor carry markup.
 */
export function hashtag(path: readonly string[]): string {
  const segments = path.map(
    (name) =>
      name
        .trim()
        .replace(/[^\p{L}\p{N}-]+/gu, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-|-$/g, '') || 'tag',
  );
  return `#${segments.join('/')}`;
}

/** Lines joined by a backslash at the end of each: hard line breaks within one paragraph. */
function lines(...parts: (string | null)[]): string {
  return parts.filter((part): part is string => part !== null).join('\\\n');
}

export function exportMarkdown(snapshot: ExportSnapshot, options: MarkdownOptions): string {
  const index = indexSnapshot(snapshot);
  const blocks: string[] = [frontMatter(snapshot, options), `# Annotated notes: ${markdownInline(snapshot.project)}`];

  blocks.push('## Sources');
  for (const document of snapshot.documents) blocks.push(...sourceBlocks(document));

  const annotationBlocks = (annotation: ExportAnnotation): string[] => {
    const document = index.document(annotation.documentId);
    const tags = index.tagsOf(annotation);
    const quote = markdownParagraphs(annotation.quote.exact).map((paragraph) => `> ${paragraph}`).join('\n>\n');
    const claims = annotation.claims.map(
      (account) => `${stanceLabel(account.stance)} “${markdownInline(account.wording)}”${account.note ? ` (${markdownInline(account.note)})` : ''}`,
    );
    const note = noteToMarkdown(annotation.note, annotation.noteText);
    return [
      quote,
      `— ${formatCitation(citationParts(document, annotation.location), MARKDOWN_CITATION)}`,
      lines(
        tags.length > 0 ? `Tags: ${tags.map((tag) => hashtag(tag.path)).join(' ')}` : null,
        `Grades: source ${markdownInline(reliabilityLabel(document.assessment.reliability))}; information ${markdownInline(credibilityLabel(annotation.credibility))}`,
        `Colour: ${annotation.color}`,
        claims.length > 0 ? `Claims: ${claims.join('; ')}` : null,
      ),
      ...(note ? ['**Note:**', note] : []),
      '* * *',
    ];
  };

  for (const group of groupAnnotations(snapshot, options.groupBy)) {
    blocks.push(`## ${markdownInline(groupTitle(group))}${group.kind === 'tag' ? ` (${hashtag(group.tag.path)})` : ''}`);
    if (group.kind === 'claim') blocks.push(...claimBlocks(group.claim, index));
    for (const annotation of group.annotations) blocks.push(...annotationBlocks(annotation));
  }

  if (options.groupBy !== 'claim' && snapshot.claims.length > 0) {
    blocks.push('## Claims');
    for (const claim of snapshot.claims) blocks.push(`### ${markdownInline(claim.wording)}`, ...claimBlocks(claim, index));
  }
  return `${blocks.join('\n\n')}\n`;
}

function frontMatter(snapshot: ExportSnapshot, options: MarkdownOptions): string {
  const filter = filterSummary(snapshot);
  const data = {
    project: snapshot.project,
    exported: snapshot.exportedAt,
    grouping: options.groupBy,
    sources: snapshot.documents.map((document) => ({
      title: displayTitle(document),
      author: document.author,
      date: document.date,
      kind: document.kind,
      language: document.language,
      reliability: document.assessment.reliability,
      file: document.fileName,
      sha256: document.sha256,
    })),
    annotations: snapshot.annotations.length,
    claims: snapshot.claims.length,
    ...(filter.length > 0 ? { filter: Object.fromEntries(filter) } : {}),
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---`;
}

function sourceBlocks(document: ExportDocument): string[] {
  const title = markdownInline(displayTitle(document));
  return [
    `### ${document.position}. ${document.titleSupplied ? title : `*${title}*`}`,
    lines(
      `Author: ${document.author ? markdownInline(document.author) : 'unknown'}`,
      document.translator ? `Translator: ${markdownInline(document.translator)}` : null,
      `Date: ${document.date ? markdownInline(document.date) : 'unknown'}`,
      `Kind: ${kindLabel(document.kind)}; language: ${markdownInline(document.language)}`,
      `File: ${markdownInline(document.fileName)} (SHA-256 ${document.sha256})`,
      `Reliability: **${reliabilityLabel(document.assessment.reliability)}**`,
      ...assessmentQuestions(document.assessment).map(([question, answer]) => `${question}: ${markdownInline(answer)}`),
    ),
  ];
}

/** Wording, date, verdict, and the accounts side by side: one table row per account. */
function claimBlocks(claim: ExportClaim, index: ReturnType<typeof indexSnapshot>): string[] {
  const cell = (text: string): string => markdownInline(text) || '—';
  const rows = claim.accounts.map((account) => {
    const annotation = index.annotation(account.annotationId);
    const document = index.document(annotation.documentId);
    return [
      formatCitation(citationParts(document, annotation.location), MARKDOWN_CITATION),
      cell(reliabilityLabel(document.assessment.reliability)),
      stanceLabel(account.stance),
      cell(annotation.quote.exact),
      cell(credibilityLabel(annotation.credibility)),
      cell(account.note),
    ];
  });
  const table = [
    ['Source', 'Reliability', 'Stance', 'Account', 'Credibility', 'What differs'],
    ['---', '---', '---', '---', '---', '---'],
    ...rows,
  ].map((row) => `| ${row.join(' | ')} |`);
  return [
    lines(
      `Date: ${claim.date ? markdownInline(claim.date) : 'undated'}`,
      claim.people.length > 0 ? `People: ${claim.people.map(markdownInline).join(', ')}` : null,
      claim.places.length > 0 ? `Places: ${claim.places.map(markdownInline).join(', ')}` : null,
      `Credibility: ${credibilityLabel(claim.credibility)}`,
    ),
    ...(claim.verdict.trim() ? ['**Verdict:**', ...markdownParagraphs(claim.verdict)] : []),
    table.join('\n'),
  ];
}
