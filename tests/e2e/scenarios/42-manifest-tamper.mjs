// The signing station's manifest cannot be turned against it. With the app locked, someone adds
// their own age recipient to vault/kiosk.json by hand, then a concern is reported at the station:
// their key cannot open it (checked with the `age` command), and the next unlock tells the admin
// the file had been changed and writes it again without the extra key.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export default async function ({ withApp, shots, setUpVault, lockFromAdmin, checkAccessibility, PASSPHRASE }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-manifest-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-manifest-save-'));
  const intruderDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-intruder-'));
  const intruderKey = join(intruderDir, 'intruder.txt');
  execFileSync('age-keygen', ['-o', intruderKey], { stdio: 'ignore' });
  const intruder = readFileSync(intruderKey, 'utf8').match(/public key: (age1\w+)/)[1];
  const manifestPath = join(dataDir, 'vault', 'kiosk.json');

  await withApp(
    'an extra recipient added to the signing station file by hand cannot read what is handed in',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await setUpVault(s, saveDir);
      await lockFromAdmin(s);

      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      assert.ok(!JSON.stringify(manifest).includes('Morgan Ellis'), 'no admin name in the plain manifest');
      manifest.recipients.push(intruder);
      writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

      await s.click('[data-testid="tile-concern"]');
      await s.waitFor('[data-testid="report-concern"]');
      await s.type('[data-testid="concern-what"]', 'A learner said an adult online asked for photos.');
      const options = await s.findAll('[data-testid="concern-about-staff-option"]');
      await s.clickElement(options[1]);
      await s.type('[data-testid="concern-name"]', 'Marek Nowicki');
      await s.click('[data-testid="concern-submit"]');
      await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await s.click('[data-testid="receipt-done"]');
      await s.waitFor('[data-testid="locked-home"]');

      const outbox = join(dataDir, 'outbox');
      const [sealed] = readdirSync(outbox).filter((f) => f.endsWith('.age'));
      assert.throws(
        () => execFileSync('age', ['-d', '-i', intruderKey, join(outbox, sealed)], { stdio: 'pipe' }),
        'the intruder key must not open the concern',
      );

      await s.click('[data-testid="tile-unlock"]');
      await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');
      const changed = await s.waitForText('[data-testid="outbox-manifest-changed"]', /changed outside Safekeeper/);
      assert.match(changed, /Nothing handed in was sealed under the changed file/, 'the station kept to what it had written');
      await s.exec(`document.querySelector('[data-testid="outbox-report"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '42-dashboard-manifest-changed.png'));
      await checkAccessibility(s, 'dashboard after the signing station file was changed');
      await s.waitForText('[data-testid="new-concerns"]', /INC-\d{4}-0001/);
      assert.ok(!readFileSync(manifestPath, 'utf8').includes(intruder), 'the file is written again without the extra key');
    },
  );
  for (const dir of [dataDir, saveDir, intruderDir]) rmSync(dir, { recursive: true, force: true });
}
