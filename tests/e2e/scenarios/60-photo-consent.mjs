// Photo consent in the demo vault: Ruby's mum gives consent at the locked home for the website but
// not Instagram; the admin confirms it; "Can I use this photo?" says yes for the website (and logs
// the use) and no for Instagram with the reason; the consent is withdrawn from Ruby's page and the
// take-down list shows the website publication; the Tuesday club's consent register and the blank
// consent form are printed and read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import assert from 'node:assert/strict';
import { collect, pdfWords, renderFirstPage } from '../pdf.mjs';

export default async function ({ withApp, shots, artifacts, invokeFromPage, checkAccessibility }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-consent-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-consent-save-'));
  await withApp(
    'photo consent: given at the signing station, confirmed, checked, withdrawn and taken down',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      async function pickValue(testid, value) {
        const options = await s.findAll(`[data-testid="${testid}-option"]`);
        const values = await Promise.all(options.map((o) => s.cmd('GET', `/element/${o}/attribute/value`)));
        const at = values.findIndex((v) => (value instanceof RegExp ? value.test(v) : v === value));
        assert.ok(at >= 0, `${testid} offers ${value}: ${values.join(', ')}`);
        await s.clickElement(options[at]);
      }
      async function choosePerson(picker, name) {
        await s.type(`[data-testid="${picker}-search"]`, name);
        await s.click(`[data-testid="${picker}-search-button"]`);
        await s.waitFor(`[data-testid="${picker}-results"]`);
        await s.click(`[data-testid^="${picker}-add-"]`);
        await s.waitForText(`[data-testid="${picker}-chosen"]`, new RegExp(name));
      }

      // ---- The signing station: Ruby's mum gives consent for the website, not Instagram.
      await giveConsentAtTheSigningStation(s, { shots, checkAccessibility, pickValue });

      // ---- The admin unlocks; the dashboard says a consent is waiting.
      await s.click('[data-testid="tile-unlock"]');
      const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
      await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');
      await s.waitForText('[data-testid="consent-alerts-unconfirmed"]', /1 consent from the signing station to confirm/);
      await s.click('[data-testid="consent-alerts-link"]');
      await s.waitFor('[data-testid="consent-check"]');

      // Until it is confirmed it counts for nobody: the check still says no for Ruby.
      const ruby = (await invokeFromPage(s, 'people_search', { query: { text: 'Ruby Fenwick', group: null, status: 'active' } })).ok[0];
      assert.equal(ruby.fullName, 'Ruby Fenwick');
      const waiting = await invokeFromPage(s, 'consent_check', { question: { personIds: [ruby.id], useKey: 'website', withName: false } });
      assert.equal(waiting.ok.allowed, false);
      assert.equal(waiting.ok.people[0].reason, 'noConsent');

      await s.click('[data-testid="consent-tab-confirm"]');
      const card = await s.waitForText('[data-testid^="consent-unconfirmed-"]', /Ruby Fenwick/);
      assert.match(card, /Laura Fenwick \(mother\)/);
      assert.match(card, /Allows: Our website\./);
      await s.click('[data-testid^="consent-unconfirmed-"] [data-testid^="consent-confirm-"]');
      await choosePerson('confirm-person', 'Ruby Fenwick');
      await s.screenshot(join(shots, '80-consent-confirm.png'));
      await checkAccessibility(s, 'confirm a signing-station consent');
      await s.click('[data-testid="consent-confirm-save"]');
      await s.waitForText('[data-testid="consent-confirm-notice"]', /Consent for Ruby Fenwick confirmed/);

      // ---- "Can I use this photo?": yes for the website, logged in the same step.
      await s.click('[data-testid="consent-tab-check"]');
      await choosePerson('check-people', 'Ruby Fenwick');
      await pickValue('check-use', 'website');
      await s.click('[data-testid="check-submit"]');
      assert.equal(await s.waitForText('[data-testid="check-summary"]', /^Yes/), 'Yes: Ruby Fenwick may appear on our website.');
      assert.match(await s.text(`[data-testid="check-person-${ruby.id}"]`), /consent given by their mother on/);
      await s.type('[data-testid="check-description"]', 'Film night photos, news page');
      await s.click('[data-testid="check-log-submit"]');
      await s.waitForText('[data-testid="check-logged"]', /Logged: Film night photos, news page \(Our website, 1 person\)/);
      await s.screenshot(join(shots, '81-consent-check-yes.png'));
      await checkAccessibility(s, 'photo check: yes');

      // No for Instagram, with the reason; no way to log it.
      await pickValue('check-use', /^social:/);
      await s.click('[data-testid="check-submit"]');
      const no = await s.waitForText('[data-testid="check-summary"]', /^No/);
      assert.equal(no, 'No: Ruby Fenwick cannot appear on social media (Instagram @riversideyouth). Leave them out, or do not use this image.');
      assert.match(
        await s.text(`[data-testid="check-person-${ruby.id}"]`),
        /No: consent to appear on social media \(Instagram @riversideyouth\) was refused on/,
      );
      assert.equal((await s.findAll('[data-testid="check-log"]')).length, 0, 'a no cannot be logged');
      await s.screenshot(join(shots, '82-consent-check-no.png'));
      // Rust refuses to log a no whatever the page sends.
      const insta = (await invokeFromPage(s, 'consent_setup')).ok.uses.find((u) => u.useKey.startsWith('social:')).useKey;
      const refused = await invokeFromPage(s, 'consent_publish_checked', {
        question: { personIds: [ruby.id], useKey: insta, withName: false },
        description: 'Sneaky post',
        link: null,
      });
      assert.equal(refused.err?.code, 'consent.invalid');
      assert.match(refused.err.message, /Nothing was logged/);

      // ---- Withdrawal from Ruby's page, in one step.
      await s.click('[data-testid="nav-people"]');
      await s.type('[data-testid="people-search"]', 'Ruby Fenwick');
      await s.click('[data-testid="people-search-submit"]');
      await s.waitForText('[data-testid="people-count"]', /^1 person/);
      await s.click('[data-testid="person-link"]');
      await s.waitFor('[data-testid="person-consent-uses"]');
      assert.equal(await s.cmd('GET', `/element/${await s.find('[data-testid="person-consent-use-website"]')}/attribute/data-allowed`), 'true');
      await s.click('[data-testid="consent-withdraw"]');
      await pickValue('withdraw-how', 'By email');
      await s.click('[data-testid="withdraw-save"]');
      await s.waitForText('[data-testid="person-consent-notice"]', /1 publication of Ruby Fenwick must now be taken down/);
      assert.equal(await s.cmd('GET', `/element/${await s.find('[data-testid="person-consent-use-website"]')}/attribute/data-allowed`), 'false');
      assert.match(await s.text('[data-testid="person-consent-history"]'), /Withdrawn on/);
      await s.screenshot(join(shots, '83-person-consent-withdrawn.png'));
      await checkAccessibility(s, 'person page with photo consent');

      // ---- The take-down list has the website publication from before the withdrawal.
      await s.click('[data-testid="nav-consent"]');
      await s.click('[data-testid="consent-tab-takedowns"]');
      const list = await s.waitForText('[data-testid="takedowns-list"]', /Ruby Fenwick/);
      assert.match(list, /Ruby Fenwick in “Film night photos, news page”/);
      assert.match(list, /Our website, published/);
      assert.match(list, /Consent withdrawn on/);
      await s.screenshot(join(shots, '84-takedown-list.png'));
      await checkAccessibility(s, 'take-down list');
      await s.click('[data-testid^="takedown-removed-"]');
      await s.type('[data-testid="takedown-by"]', 'Priya Raman');
      await s.click('[data-testid="takedown-save"]');
      await s.waitForText('[data-testid="takedown-notice"]', /ticked off/);

      // ---- The Tuesday club's consent register, for the trip lead.
      await s.click('[data-testid="consent-tab-groups"]');
      await s.click('[data-testid^="group-open-"]');
      await s.waitForText('[data-testid="group-members-chosen"]', /Ruby Fenwick/);
      await s.click('[data-testid="consent-register-save"]');
      const registerPath = await s.waitForText('[data-testid="consent-register-save-path"]', /\.pdf$/);
      const register = await collect(saveDir, basename(registerPath), artifacts, 'consent-register.pdf');
      const registerWords = pdfWords(register);
      assert.match(registerWords, /Tuesday youth club/);
      assert.match(registerWords, /Riverside Youth Project/);
      for (const name of ['Amira Haddad', 'Jayden Clarke', 'Ruby Fenwick']) assert.ok(registerWords.includes(name), `the register lists ${name}`);
      assert.doesNotMatch(registerWords, /Priya Raman|Denise Clarke/, 'only the group is on the register');
      // Ruby's row: every use is a no now that consent is withdrawn; Jayden's says yes to the website.
      assert.match(registerWords, /Ruby Fenwick( ■ NO){4}/);
      assert.match(registerWords, /Jayden Clarke Yes/);
      renderFirstPage(register, shots, '85-pdf-consent-register');

      // ---- The blank consent form.
      await s.click('[data-testid="consent-tab-settings"]');
      await s.click('[data-testid="consent-blank-save"]');
      const blankPath = await s.waitForText('[data-testid="consent-blank-save-path"]', /\.pdf$/);
      const blank = await collect(saveDir, basename(blankPath), artifacts, 'blank-consent-form.pdf');
      const blankWords = pdfWords(blank);
      for (const phrase of ['Image consent form 2026-1', 'Our website', 'Instagram @riversideyouth', 'Press and media', 'withdraw', 'parental responsibility']) {
        assert.ok(blankWords.includes(phrase), `the blank consent form has "${phrase}"`);
      }
      assert.doesNotMatch(blankWords, /Ruby|Jayden|Amira/, 'the blank form holds nobody');
      renderFirstPage(blank, shots, '86-pdf-blank-consent-form');
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}

/** The locked home's "give consent" journey, as a parent would do it. */
async function giveConsentAtTheSigningStation(s, { shots, checkAccessibility, pickValue }) {
  await s.click('[data-testid="tile-consent"]');
  await s.waitFor('[data-testid="kiosk-consent-action"]');
  await checkAccessibility(s, 'give consent at the signing station');
  // Sending with nothing filled in names what is missing, and sends nothing.
  await pickValue('kiosk-consent-action', 'give');
  await s.click('[data-testid="kiosk-consent-submit"]');
  const summary = await s.waitForText('[data-testid="error-summary"]', /Say who is filling in this form/);
  assert.match(summary, /Answer yes or no for our website/);
  assert.match(summary, /Answer yes or no for social media: instagram @riversideyouth/);

  await pickValue('kiosk-consent-giver', 'parentCarer');
  await s.type('[data-testid="kiosk-consent-giver-name"]', 'Laura Fenwick');
  await s.type('[data-testid="kiosk-consent-relationship"]', 'Mother');
  await s.click('[data-testid="kiosk-consent-pr"]');
  await s.type('[data-testid="kiosk-consent-about"]', 'Ruby Fenwick');
  const testids = [];
  for (const element of await s.findAll('[data-testid^="kiosk-consent-use-"]')) {
    const testid = await s.cmd('GET', `/element/${element}/attribute/data-testid`);
    if (!testid.endsWith('-option')) testids.push(testid);
  }
  assert.equal(testids.length, 6, `the website, the Instagram account, print, press, displays and video: ${testids}`);
  for (const testid of testids) await pickValue(testid, testid === 'kiosk-consent-use-website' ? 'yes' : 'no');
  await pickValue('kiosk-consent-name', 'no');
  await s.click('[data-testid="kiosk-consent-signer-type-instead"]');
  await s.type('[data-testid="kiosk-consent-signer-typed"]', 'Laura Fenwick');
  await s.screenshot(join(shots, '78-kiosk-consent-filled.png'));
  await s.click('[data-testid="kiosk-consent-submit"]');
  await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await s.screenshot(join(shots, '79-kiosk-consent-receipt.png'));
  await s.click('[data-testid="receipt-done"]');
  await s.waitFor('[data-testid="locked-home"]');
  const left = await s.exec('return document.body.innerText;');
  assert.doesNotMatch(left, /Ruby|Laura/, 'nothing typed stays on the locked home');
}
