/** Where a reading-text offset stands in the raw file, in words, for the pane's status line and the edit popover. */
import type { RawLocation } from '../../../shared/domain';

export function describeLocation(location: RawLocation, selected = 0): string {
  const parts: string[] = [];
  if (location.chapter) parts.push(location.chapter);
  if (location.page) parts.push(`near p. ${location.page}`);
  parts.push(`${location.inTextLayer ? 'text layer' : 'raw file'} line ${location.line}, column ${location.column}`);
  if (selected > 0) parts.push(`${selected} characters selected`);
  return parts.join(' · ');
}
