import { portalText } from '../text/portal-text';

/**
 * Both renderings of a ticket note (plain text and HTML) from the same parts. Every string passes
 * through `portalText` first, whoever wrote it (portal, staffer or this code), so no value can start a
 * line of its own or turn the text around; the HTML escapes every string as well.
 */

export interface NoteParts {
  title: string;
  rows: [label: string, value: string][];
  stepsTitle: string;
  steps: string[];
}

export interface TicketNote {
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The parts with every string made safe to place in a line of text. */
export function safeParts(parts: NoteParts): NoteParts {
  return {
    title: portalText(parts.title),
    rows: parts.rows.map(([label, value]) => [portalText(label), portalText(value)]),
    stepsTitle: portalText(parts.stepsTitle),
    steps: parts.steps.map(portalText),
  };
}

export function renderNote(parts: NoteParts): TicketNote {
  const { title, rows, stepsTitle, steps } = safeParts(parts);
  const text = [
    title,
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `${stepsTitle}:`,
    ...steps.map((s, i) => `${i + 1}. ${s}`),
  ].join('\n');
  const cell = (value: string) => escapeHtml(value);
  const html = [
    `<p><strong>${cell(title)}</strong></p>`,
    '<table>',
    ...rows.map(([label, value]) => `<tr><th align="left">${cell(label)}</th><td>${cell(value)}</td></tr>`),
    '</table>',
    `<p><strong>${cell(stepsTitle)}</strong></p>`,
    '<ol>',
    ...steps.map((s) => `<li>${cell(s)}</li>`),
    '</ol>',
  ].join('\n');
  return { text, html };
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
