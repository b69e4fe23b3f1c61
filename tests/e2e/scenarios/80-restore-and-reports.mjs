// Backups and restore in a vault made with the setup wizard: back up to a folder, then try to
// restore a damaged copy (a plain message, nothing changes) and then the good one, seeing what it
// holds first; the person added since the backup is gone until the restore is undone or kept.
// The backup and this throwaway vault's recovery key are kept as artifacts, and the recovery
// drill is run on them with the `age` and `sqlite3` tools.
//
// Then, in the demo vault, the trustee report and a subject access export: PDF text checked,
// first pages rendered to target/screenshots/.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

const pdfText = (path) => execFileSync('pdftotext', ['-layout', path, '-']).toString();

function renderFirstPages(pdf, name, pages = 2) {
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', String(pages), pdf, name]);
}

export default async function ({ withApp, shots, artifacts, checkAccessibility, setUpVault, addStaff, openPerson, unlockDemo, PASSPHRASE }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-restore-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-restore-usb-'));
  const openFrom = join(mkdtempSync(join(tmpdir(), 'safekeeper-e2e-open-')), 'open.txt');
  const env = { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir, SAFEKEEPER_OPEN_FROM: openFrom };

  await withApp('restore: a damaged copy is refused plainly, the good backup is shown, restored, then kept', env, async (s) => {
    const recoveryKey = await setUpVault(s, saveDir, 'Northfield Youth Trust');
    await addStaff(s, 'Hannah Okoro');

    await s.click('[data-testid="nav-settings"]');
    await s.click('[data-testid="backup-now"]');
    await s.waitForText('[data-testid="backup-verified"]', /Backup verified/, { timeout: 60000 });
    const backups = readdirSync(saveDir).filter((f) => f.endsWith('.age'));
    assert.equal(backups.length, 1);
    const good = join(saveDir, backups[0]);
    copyFileSync(good, join(artifacts, 'backup.age'));
    writeFileSync(join(artifacts, 'recovery-key.txt'), `${recoveryKey}\n`);

    // The recovery drill on the file the app wrote: only the key's text, age and sqlite3.
    const drillDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-drill-'));
    execFileSync('age', ['-d', '-i', join(artifacts, 'recovery-key.txt'), '-o', join(drillDir, 'records.db'), good]);
    const drilled = execFileSync('sqlite3', [join(drillDir, 'records.db'), 'SELECT full_name FROM people;']).toString();
    assert.match(drilled, /Hannah Okoro/, 'the backup opens with the recovery key alone');
    rmSync(drillDir, { recursive: true, force: true });

    // Life goes on after the backup.
    await addStaff(s, 'Tomasz Wilk');

    // A copy with bytes changed in the middle: refused with a plain message, nothing changes.
    const damaged = join(saveDir, 'damaged copy.age');
    const bytes = readFileSync(good);
    for (let i = 0; i < 64; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0x5a;
    writeFileSync(damaged, bytes);
    writeFileSync(openFrom, damaged);
    await s.click('[data-testid="nav-settings"]');
    await s.click('[data-testid="restore-choose"]');
    const refused = await s.waitForText('[data-testid="restore-error"]', /damaged or incomplete/, { timeout: 60000 });
    assert.match(refused, /Nothing has been changed/);
    assert.doesNotMatch(refused, /[a-z]\.[a-z]|panicked|Error:/i, 'no codes or traces shown');
    assert.equal((await s.findAll('[data-testid="restore-preview"]')).length, 0);
    await s.exec(`document.querySelector('[data-testid="restore-section"]').scrollIntoView({ block: 'center' }); return true;`);
    await s.screenshot(join(shots, '91-restore-damaged-refused.png'));

    // The good one: what it holds, beside what is there now, before anything changes.
    writeFileSync(openFrom, good);
    await s.click('[data-testid="restore-choose"]');
    await s.waitFor('[data-testid="restore-preview"]', { timeout: 60000 });
    const counts = await s.exec(
      `return [...document.querySelectorAll('[data-testid="restore-counts"] tbody tr')].map(r => [...r.querySelectorAll('th, td')].map(c => c.textContent.trim()).join(' '));`,
    );
    const people = counts.find((row) => /^People/.test(row));
    assert.ok(people, `a row for people: ${counts}`);
    assert.match(people, /^People 1 2$/, 'one person in the backup, two now');
    // A backup this vault made says so, and needs no recovery key.
    await s.waitForText('[data-testid="restore-origin"]', /made by this vault on/);
    assert.equal((await s.findAll('[data-testid="restore-key-step"]')).length, 0);
    await s.exec(`document.querySelector('[data-testid="restore-preview"]').scrollIntoView({ block: 'center' }); return true;`);
    await s.screenshot(join(shots, '92-restore-preview.png'));
    await checkAccessibility(s, 'restore preview');

    await s.click('[data-testid="restore-commit"]');
    await s.waitFor('[data-testid="restore-awaiting"]', { timeout: 60000 });
    await s.exec(`document.querySelector('[data-testid="restore-awaiting"]').scrollIntoView({ block: 'center' }); return true;`);
    await s.screenshot(join(shots, '93-restore-awaiting.png'));

    // The dashboard says a restore is waiting to be kept or undone.
    await s.click('[data-testid="nav-dashboard"]');
    await s.waitForText('[data-testid="restore-waiting"]', /keep them or undo the restore/);

    // The restored records are the backup's: Tomasz, added after it, is not in them.
    await s.click('[data-testid="nav-people"]');
    await s.waitForText('[data-testid="people-count"]', /^1 person/);
    const listed = await s.text('[data-testid="people-list"]');
    assert.match(listed, /Hannah Okoro/);
    assert.doesNotMatch(listed, /Tomasz Wilk/);

    await s.click('[data-testid="nav-settings"]');
    await s.click('[data-testid="restore-keep"]');
    await s.waitForText('[data-testid="restore-done"]', /Restore kept/);
    await s.waitForText('[data-testid="audit-status"]', /verified/i);
    assert.equal(readdirSync(join(dataDir, 'vault')).filter((f) => f.startsWith('before-restore')).length, 0, 'kept: the old records are gone');
  });

  // Once locked, the restored vault opens with the same passphrase.
  await withApp('after a restore, the vault unlocks with the same passphrase', env, async (s) => {
    await s.click('[data-testid="tile-unlock"]');
    await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
    await s.click('[data-testid="unlock-submit"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    await s.click('[data-testid="nav-people"]');
    await s.waitForText('[data-testid="people-count"]', /^1 person/);
  });
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });

  const demoDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-reports-'));
  const reportsDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-reports-save-'));
  await withApp(
    'trustee report and a subject access export from the demo vault',
    { SAFEKEEPER_DATA_DIR: demoDir, SAFEKEEPER_SAVE_DIR: reportsDir },
    async (s) => {
      await unlockDemo(s);

      await s.click('[data-testid="nav-reports"]');
      await s.click('[data-testid="report-period-last12"]');
      await s.screenshot(join(shots, '94-reports-page.png'));
      await checkAccessibility(s, 'reports');
      await s.click('[data-testid="report-trustee-save"]');
      const savedTo = await s.waitForText('[data-testid="report-trustee-save-path"]', /\.pdf$/, { timeout: 60000 });
      copyFileSync(savedTo, join(artifacts, 'trustee-report.pdf'));
      const report = pdfText(join(artifacts, 'trustee-report.pdf'));
      for (const heading of [/Incidents/, /Training/, /Acceptable use/i, /consent/i, /Polic/, /Backup/i, /Charity Commission/]) {
        assert.match(report, heading, `the trustee report covers ${heading}`);
      }
      for (const young of ['Jayden Clarke', 'Amira']) {
        assert.ok(!report.includes(young), `no young person's name in the trustee report (${young})`);
      }
      renderFirstPages(join(artifacts, 'trustee-report.pdf'), join(shots, 'pdf-trustee-report'));

      await openPerson(s, 'Jayden Clarke');
      await s.exec(`document.querySelector('[data-testid="sar-section"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.click('[data-testid="sar-export"]');
      const pdfPath = await s.waitForText('[data-testid="sar-saved-pdf"]', /\.pdf$/, { timeout: 60000 });
      const jsonPath = await s.text('[data-testid="sar-saved-json"]');
      await s.screenshot(join(shots, '95-subject-access-saved.png'));
      copyFileSync(pdfPath, join(artifacts, 'subject-access.pdf'));
      const sar = pdfText(join(artifacts, 'subject-access.pdf'));
      assert.match(sar, /Jayden Clarke/);
      assert.match(sar, /consent/i, 'his image consent is in it');
      const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
      assert.match(JSON.stringify(json), /Jayden Clarke/);
      assert.doesNotMatch(JSON.stringify(json), /Ruby Fenwick/, "no one else's records");
      renderFirstPages(join(artifacts, 'subject-access.pdf'), join(shots, 'pdf-subject-access'));
    },
    ['--demo'],
  );
  rmSync(demoDir, { recursive: true, force: true });
  rmSync(reportsDir, { recursive: true, force: true });
}
