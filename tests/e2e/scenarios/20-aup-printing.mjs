// Printing AUP forms from the demo vault: the blank staff AUP for paper, the coverage list and one
// person's signed AUP record. Each PDF is saved through SAFEKEEPER_SAVE_DIR (no dialog), copied to
// target/e2e-artifacts/, read back with pdftotext and its first page rendered to
// target/screenshots/ for review.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { collect, pdfWords, renderFirstPage } from '../pdf.mjs';

/** Scrolls the element into the middle of the window, so a screenshot shows it. */
const reveal = (s, testid) =>
  s.exec(`document.querySelector('[data-testid="${testid}"]').scrollIntoView({ block: 'center' }); return true;`);

const fold = (text) => text.replace(/\s+/g, ' ').trim();

export default async function ({ withApp, shots, artifacts, invokeFromPage, checkAccessibility, lockFromAdmin }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-print-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-print-save-'));
  const env = { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir };

  await withApp(
    'printing AUP forms: blank AUP, coverage list and a signed record',
    env,
    async (s) => {
      await s.click('[data-testid="tile-unlock"]');
      const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
      await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');

      const aups = (await invokeFromPage(s, 'aup_list')).ok;
      const staff = aups.find((a) => a.audience === 'staffVolunteers');
      assert.ok(staff?.current, 'the demo publishes the staff AUP');
      const detail = (await invokeFromPage(s, 'aup_get', { aupId: staff.id })).ok;
      const { content, number, contentHash } = detail.current;

      // Open the staff AUP and print it blank.
      await s.click('[data-testid="nav-aups"]');
      await s.waitFor('[data-testid="aup-list"]');
      await s.waitFor('[data-testid="aup-link"]');
      const links = await s.findAll('[data-testid="aup-link"]');
      const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
      await s.clickElement(links[labels.findIndex((t) => /staff/i.test(t))]);
      await s.waitFor('[data-testid="aup-print-blank"]');
      await s.click('[data-testid="aup-print-blank"]');
      const blankName = `AUP staff v${number} blank.pdf`;
      const shownPath = await s.waitForText('[data-testid="aup-print-blank-path"]', /\.pdf$/);
      assert.equal(shownPath, join(saveDir, blankName), 'the page says where the PDF went');
      await reveal(s, 'aup-print-blank-saved');
      await s.screenshot(join(shots, '21-aup-print-blank.png'));
      await checkAccessibility(s, 'AUP page after printing');

      const blank = await collect(saveDir, blankName, artifacts, 'blank-aup-staff.pdf');
      const blankWords = pdfWords(blank);
      content.rules.forEach((rule, i) => {
        assert.ok(blankWords.includes(fold(rule)), `the blank AUP prints rule ${i + 1} in full`);
        assert.ok(blankWords.includes(` ${i + 1}. `), `the blank AUP numbers rule ${i + 1}`);
      });
      for (const part of [content.intro, content.consequences, content.monitoring, content.reportConcerns]) {
        assert.ok(blankWords.includes(fold(part)), `the blank AUP prints: ${part.slice(0, 40)}…`);
      }
      assert.ok(blankWords.includes('Full name (in capitals)') && blankWords.includes('Signature'));
      assert.ok(blankWords.includes(fold(content.title)), 'the blank AUP has the title');
      const blankText = execFileSync('pdftotext', ['-enc', 'UTF-8', blank, '-']).toString();
      assert.ok(blankText.includes(`Version ${number} \u00b7 fingerprint ${contentHash.slice(0, 12)}`), 'the footer carries the version and short hash');
      assert.ok(blankText.includes('DEMO'), 'printed from a demo vault, so marked DEMO');
      renderFirstPage(blank, shots, '22-blank-aup-staff-page1');

      // Print the coverage list.
      const coverage = (await invokeFromPage(s, 'aup_coverage', { aupId: staff.id })).ok;
      await s.click('[data-testid="aup-coverage-print"]');
      const coveragePath = await s.waitForText('[data-testid="aup-coverage-print-path"]', /\.pdf$/);
      await reveal(s, 'aup-coverage-print-saved');
      await s.screenshot(join(shots, '23-aup-coverage-printed.png'));
      const coverageFile = coveragePath.slice(saveDir.length + 1);
      assert.match(coverageFile, /^AUP coverage .+ \d{4}-\d{2}-\d{2}\.pdf$/);
      const coveragePdf = await collect(saveDir, coverageFile, artifacts, 'aup-coverage.pdf');
      const coverageWords = pdfWords(coveragePdf);
      const current = coverageWords.indexOf(`Signed the current version (${coverage.signedCurrent.length})`);
      const never = coverageWords.indexOf(`Never signed (${coverage.neverSigned.length})`);
      assert.ok(current >= 0 && never > current, 'both sections are printed with their counts');
      for (const entry of coverage.signedCurrent) {
        const at = coverageWords.indexOf(entry.fullName);
        assert.ok(at > current && at < never, `${entry.fullName} is listed as signed`);
      }
      for (const entry of coverage.neverSigned) {
        assert.ok(coverageWords.indexOf(entry.fullName) > never, `${entry.fullName} is listed as never signed`);
      }
      renderFirstPage(coveragePdf, shots, '24-aup-coverage-page1');

      // Open someone who signed and print their signed record.
      const signer = coverage.signedCurrent.find((e) => e.fullName === 'Sam Okafor') ?? coverage.signedCurrent[0];
      const person = (await invokeFromPage(s, 'person_get', { id: signer.personId })).ok;
      const signature = person.signatures[0];
      await s.click('[data-testid="nav-people"]');
      await s.waitFor('[data-testid="people-list"]');
      const personLinks = await s.findAll('[data-testid="person-link"]');
      const names = await Promise.all(personLinks.map((l) => s.cmd('GET', `/element/${l}/text`)));
      await s.clickElement(personLinks[names.findIndex((n) => n.includes(signer.fullName))]);
      await s.waitForText('[data-testid="person-page"]', new RegExp(signer.fullName));
      await s.waitFor('[data-testid="person-signature-print"]');
      await s.click('[data-testid="person-signature-print"]');
      const signedPath = await s.waitForText('[data-testid="person-signature-print-path"]', /\.pdf$/);
      await reveal(s, 'person-signature-print-saved');
      await s.screenshot(join(shots, '25-person-signed-record-printed.png'));
      await checkAccessibility(s, 'person page after printing');
      const signedFile = signedPath.slice(saveDir.length + 1);
      assert.match(signedFile, new RegExp(`^Signed AUP ${signer.fullName} \\d{4}-\\d{2}-\\d{2}\\.pdf$`));
      const signedPdf = await collect(saveDir, signedFile, artifacts, 'signed-aup-demo.pdf');
      const signedText = execFileSync('pdftotext', ['-enc', 'UTF-8', signedPdf, '-']).toString();
      assert.ok(signedText.includes(signer.fullName), 'the record names the person');
      assert.ok(signedText.includes(signature.contentHash), 'the record carries the full content hash');
      const signedWords = pdfWords(signedPdf);
      assert.ok(signedWords.includes(fold(content.intro)), 'the record holds the text signed');
      renderFirstPage(signedPdf, shots, '31-demo-signed-aup-page1');

      // Rust refuses printing from the locked home, whatever a page tries.
      await lockFromAdmin(s);
      const refused = await invokeFromPage(s, 'aup_print_blank', { aupId: staff.id });
      assert.ok(refused.err !== undefined, 'printing is refused from the locked home');
    },
    ['--demo'],
  );

  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
