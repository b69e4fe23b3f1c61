// Nothing handed in at the signing station is lost. A "where" too long for an incident is refused
// at the station, before any receipt. A concern whose file the ingest cannot record (here, a
// copy of one already recorded, put back under another number) is kept: the dashboard shows it in the red panel with its
// receipt, the "not recorded" screen gives its kind, receipt, time and reason, "Try again" says
// why it still cannot be recorded, and "Keep aside" is written to the audit trail and clears the
// red panel without deleting the file.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export default async function ({ withApp, shots, setUpVault, lockFromAdmin, invokeFromPage, checkAccessibility, PASSPHRASE }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-kept-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-kept-save-'));
  const aside = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-kept-copy-'));
  const outbox = join(dataDir, 'outbox');
  const sealed = () => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.age')) : []);

  async function unlock(s) {
    await s.click('[data-testid="tile-unlock"]');
    await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="unlock-submit"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
  }

  await withApp(
    'a concern that cannot be recorded is kept, shown as urgent, and dealt with by an admin',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await setUpVault(s, saveDir);
      await lockFromAdmin(s);

      await s.click('[data-testid="tile-concern"]');
      await s.waitFor('[data-testid="report-concern"]');
      await s.type('[data-testid="concern-what"]', 'A learner was sent messages by an adult asking to meet.');
      await s.exec(
        `const el = document.querySelector('[data-testid="concern-place"]');
         el.value = 'x'.repeat(250); el.dispatchEvent(new Event('input', { bubbles: true }));`,
      );
      const options = await s.findAll('[data-testid="concern-about-staff-option"]');
      await s.clickElement(options[1]);
      await s.type('[data-testid="concern-name"]', 'Marek Nowicki');
      await s.click('[data-testid="concern-submit"]');
      await s.waitForText('[data-testid="error-summary"]', /Shorten where it happened to 200 characters or fewer/);
      await s.screenshot(join(shots, '41a-concern-place-too-long.png'));
      assert.equal(sealed().length, 0, 'nothing was sealed for a concern the incident could not hold');

      await s.exec(
        `const el = document.querySelector('[data-testid="concern-place"]');
         el.value = 'The youth club'; el.dispatchEvent(new Event('input', { bubbles: true }));`,
      );
      await s.click('[data-testid="concern-submit"]');
      const receipt = (await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/)).trim();
      await s.click('[data-testid="receipt-done"]');
      await s.waitFor('[data-testid="locked-home"]');
      const [file] = sealed();
      copyFileSync(join(outbox, file), join(aside, file));

      // First unlock: recorded as usual.
      await unlock(s);
      await s.waitForText('[data-testid="new-concerns"]', /INC-\d{4}-0001/);
      await lockFromAdmin(s);

      // The same file turns up again under another number (copied back by hand): it cannot be
      // recorded twice, so it is kept for an admin.
      copyFileSync(join(aside, file), join(outbox, `00000002-${file.slice(9)}`));
      await unlock(s);
      const panel = await s.waitForText('[data-testid="new-concern-not-recorded"]', new RegExp(receipt));
      assert.match(panel, /Could not be recorded/);
      await s.screenshot(join(shots, '41b-dashboard-concern-not-recorded.png'));
      await s.click('[data-testid="new-concern-kept-link"]');
      await s.waitFor('[data-testid="kept-item"]');
      assert.match(await s.text('[data-testid="kept-receipt"]'), new RegExp(receipt));
      assert.match(await s.text('[data-testid="kept-reason"]'), /renamed or moved/);
      assert.match(await s.text('[data-testid="kept-item"]'), /A concern/);
      await s.screenshot(join(shots, '41c-kept-submissions.png'));
      await checkAccessibility(s, 'submissions not recorded');

      // WebKitWebDriver does not scroll a button below the fold into view before clicking it.
      const scrollTo = (testid) =>
        s.exec(`document.querySelector('[data-testid="${testid}"]').scrollIntoView({ block: 'center' }); return true;`);
      await scrollTo('kept-retry');
      await s.click('[data-testid="kept-retry"]');
      await s.waitForText('[data-testid="kept-outcome"]', /It still could not be recorded[\s\S]*second copy/);
      assert.match(await s.text('[data-testid="kept-item"]'), /Nothing to do: the first copy was recorded/);
      await scrollTo('kept-set-aside');
      await s.click('[data-testid="kept-set-aside"]');
      await s.waitFor('[data-testid="kept-aside"]');
      await s.screenshot(join(shots, '41d-kept-aside.png'));
      assert.equal(readdirSync(join(outbox, 'problems')).length, 1, 'keeping aside deletes nothing');

      const page = (await invokeFromPage(s, 'audit_page', { query: { actor: null, subjectKind: 'outbox', personId: null, from: null, to: null, beforeId: null, limit: 50 } }));
      assert.ok(page.ok, JSON.stringify(page.err));
      assert.ok(JSON.stringify(page.ok).includes('outbox.problemSetAside'), 'the decision is in the audit trail');

      await s.click('[data-testid="nav-dashboard"]');
      await s.waitFor('[data-testid="dashboard"]');
      await s.waitForText('[data-testid="new-concerns"]', /INC-\d{4}-0001/);
      assert.equal((await s.findAll('[data-testid="new-concern-not-recorded"]')).length, 0, 'dealt with, so no longer urgent');
    },
  );
  for (const dir of [dataDir, saveDir, aside]) rmSync(dir, { recursive: true, force: true });
}
