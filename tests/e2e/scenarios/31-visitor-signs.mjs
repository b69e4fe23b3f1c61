// A visitor who is not in the register signs the visitors' AUP at the signing station, typing
// their name; at the next unlock the admin adds them as a visitor and confirms the signature in
// one step, from the dashboard. On the demo vault.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export default async function ({ withApp, shots, invokeFromPage, checkAccessibility, waitForLockedHome }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-visitor-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-visitor-save-'));
  await withApp(
    'a visitor signs the visitors AUP by typing their name; the admin adds and confirms them in one step',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      const unlock = async () => {
        await s.click('[data-testid="tile-unlock"]');
        const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
        await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
        await s.click('[data-testid="unlock-submit"]');
        await s.switchToWindowWith('[data-testid="dashboard"]');
      };
      await unlock();

      // Publish the visitors' AUP from its ready-made draft and show it at the signing station.
      await s.click('[data-testid="nav-aups"]');
      await s.waitFor('[data-testid="aup-link"]');
      const links = await s.findAll('[data-testid="aup-link"]');
      const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
      const visitors = labels.findIndex((t) => /visitor/i.test(t));
      assert.ok(visitors >= 0, `the AUP list has the visitors' AUP: ${labels.join(' | ')}`);
      await s.clickElement(links[visitors]);
      await s.click('[data-testid="aup-publish"]');
      await s.click('[data-testid="aup-publish-and-show"]');
      await s.waitForText('[data-testid="aup-kiosk-status"]', /^Shown/);
      const aupId = (await invokeFromPage(s, 'aup_list')).ok.find((a) => a.audience === 'visitorsContractors').id;
      await s.click('[data-testid="aup-open-station"]').catch((e) => {
        if (!/no such window/.test(e.message)) throw e;
      });
      await waitForLockedHome(s);

      // At the signing station: the visitors' AUP, a typed name, a typed signature.
      await s.click('[data-testid="tile-aup"]');
      await s.waitFor('[data-testid="aup-choice-option"]');
      let choice;
      for (let i = 0; i < 50 && !choice; i++) {
        const choices = await s.findAll('[data-testid="aup-choice-option"]');
        const values = await Promise.all(choices.map((c) => s.cmd('GET', `/element/${c}/attribute/value`)));
        choice = choices[values.indexOf(aupId)];
        if (!choice) await new Promise((r) => setTimeout(r, 200));
      }
      assert.ok(choice, "the signing station offers the visitors' AUP");
      await s.clickElement(choice);
      await s.click('[data-testid="aup-choice-continue"]');
      await s.type('[data-testid="signer-name"]', 'Devon Marsh');
      await s.click('[data-testid="signer-continue"]');
      await s.click('[data-testid="sign-agree"]');
      await s.click('[data-testid="read-continue"]');
      await s.click('[data-testid="signer-type-instead"]');
      await s.type('[data-testid="signer-typed"]', 'Devon Marsh');
      await s.click('[data-testid="sign-submit"]');
      await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      await s.waitFor('[data-testid="locked-home"]', { timeout: 20000 });

      // The admin unlocks: no one in the register matches, so they add the visitor and confirm.
      await unlock();
      await s.waitFor('[data-testid="signature-row"]');
      const rows = await s.exec(`return [...document.querySelectorAll('[data-testid="signature-row"]')].map((r) => r.innerText);`);
      const row = rows.find((r) => /Devon Marsh/.test(r));
      assert.ok(row, `the visitor's signature waits to be confirmed: ${rows.join(' | ')}`);
      assert.match(row, /No match in the register/);
      assert.equal((await s.findAll('[data-testid="signature-add-visitor"]')).length, 1, 'offered for the visitor only');
      await s.exec(`document.querySelector('[data-testid="signature-add-visitor"]').closest('section').scrollIntoView();`);
      await s.screenshot(join(shots, '28-visitor-to-confirm.png'));
      await checkAccessibility(s, 'a visitor signature to confirm');
      await s.click('[data-testid="signature-add-visitor"]');
      await s.waitForText('[data-testid="signatures-confirmed"]', /1 visitor was added to the people register/);
      const people = (await invokeFromPage(s, 'people_search', { query: { text: 'Devon', group: null, status: 'active' } })).ok;
      const devon = people.find((p) => p.fullName === 'Devon Marsh');
      assert.ok(devon, 'the visitor is in the register');
      assert.equal(devon.group, 'visitor');
      const coverage = (await invokeFromPage(s, 'aup_coverage', { aupId })).ok;
      assert.ok(JSON.stringify(coverage.signedCurrent).includes('Devon Marsh'), 'their signature counts for the visitors AUP');
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
