// Reading back the PDFs the app saved in an end-to-end run: collecting them from the save folder
// into target/e2e-artifacts/, their text as pdftotext reads it, and page 1 rendered for review.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

/** The PDF's text as pdftotext extracts it; pages are separated by a form feed. */
export function pdfText(file) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString();
}

/**
 * The PDF's words, whitespace folded so wrapped text reads whole, without what is printed on every
 * page: the footer, the demo banner, and the pieces of the diagonal DEMO watermark that pdftotext
 * reads as lines of their own ("DE", "MO"). The watermark can also move a rule's number away from
 * its text, so callers look for each rule's text rather than "N. text".
 */
export function pdfWords(file) {
  return pdfText(file)
    .split('\n')
    .map((line) => line.replace(/\f/g, '').trim())
    .filter((line) => !line.includes(' \u00b7 ') && !/^Page \d+ of \d+$/.test(line))
    .filter((line) => !line.startsWith('DEMO \u2013') && !/^[DEMO]{1,4}$/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Renders page 1 of `pdf` at 60 dpi to `<shots>/<name>.png`. */
export function renderFirstPage(pdf, shots, name) {
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, join(shots, name)]);
  assert.ok(existsSync(join(shots, `${name}.png`)), `${name}.png was rendered`);
}

/** Waits for the saved file, then copies it to the artifacts folder under `artifactName`. */
export async function collect(saveDir, fileName, artifacts, artifactName) {
  const saved = join(saveDir, fileName);
  for (let i = 0; i < 50 && !existsSync(saved); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(existsSync(saved), `${fileName} was saved`);
  const target = join(artifacts, artifactName);
  copyFileSync(saved, target);
  return target;
}
