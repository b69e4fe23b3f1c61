// Consent that runs out, in the demo vault: Jayden's consent ends within 30 days, so "What is due"
// lists it with who to ask and leads to his page; Ruby's consent (recorded here, already ended)
// says no on her page for every use and for her name, in the same words as the photo check; the
// Tuesday club's register printed as at a trip after Jayden's consent ends prints him as NO with
// the day it ends; and the calendar file holds the day to renew by.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import assert from 'node:assert/strict';
import { collect, pdfText, pdfWords, renderFirstPage } from '../pdf.mjs';

/** "YYYY-MM-DD" `days` after the date `iso`. */
function plusDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const longDate = (iso) => LONG.format(new Date(`${iso}T00:00:00Z`));

export default async function ({ withApp, shots, artifacts, invokeFromPage, checkAccessibility, unlockDemo, openPerson }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-renew-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-renew-save-'));
  await withApp(
    'consent that runs out: listed as due with who to ask, no on every screen once ended, register as at a trip',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await unlockDemo(s);

      // ---- What is due lists Jayden's consent, with his mother to ask, and leads to his page.
      const due = (await invokeFromPage(s, 'due_list')).ok;
      const jayden = due.consents.find((c) => c.personName === 'Jayden Clarke');
      assert.ok(jayden, `Jayden's consent is due: ${JSON.stringify(due.consents)}`);
      assert.equal(jayden.status, 'dueIn30');
      const line = await s.waitForText('[data-testid="due-30"]', /Photo consent to renew: Jayden Clarke/);
      assert.match(line, new RegExp(`Jayden Clarke, ends in \\d+ (days|weeks?) \\(last day ${longDate(jayden.lastDay)}\\)\\. Ask Denise Clarke \\(mother\\), or Jayden Clarke, who is now old enough to consent themselves\\.`));
      await s.exec(`document.querySelector('[data-testid="due-consent-link"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '87-due-consent-to-renew.png'));
      await checkAccessibility(s, 'what is due with a consent to renew');
      await s.click('[data-testid="due-consent-link"]');
      await s.waitForText('[data-testid="person-page"]', /Jayden Clarke/);
      const jaydenWebsite = await s.waitForText('[data-testid="person-consent-use-website"]', /Yes/);
      assert.match(jaydenWebsite, new RegExp(`it expires on ${longDate(plusDays(jayden.lastDay, 1))}`));

      // ---- Ruby's consent, given last year and already ended: no everywhere, for the same reason.
      const setup = (await invokeFromPage(s, 'consent_setup')).ok;
      const ruby = (await invokeFromPage(s, 'people_search', { query: { text: 'Ruby Fenwick', group: null, status: 'active' } })).ok[0];
      const today = (await invokeFromPage(s, 'consent_check', { question: { personIds: [ruby.id], useKey: 'website', withName: false } })).ok.on;
      const ended = plusDays(today, -10);
      const recorded = await invokeFromPage(s, 'consent_record', {
        draft: {
          personId: ruby.id,
          giver: 'parentCarer',
          giverName: 'Laura Fenwick',
          relationship: 'Mother',
          parentalResponsibility: true,
          judgement: null,
          method: 'paperForm',
          witness: null,
          givenOn: plusDays(today, -375),
          formVersion: setup.formVersion,
          expiresOn: ended,
          answers: setup.uses.map((u) => ({ useKey: u.useKey, allowed: true })),
          nameWithImage: true,
          notes: null,
        },
      });
      assert.ok(recorded.ok, `recorded: ${JSON.stringify(recorded.err)}`);
      await openPerson(s, 'Ruby Fenwick');
      await s.waitFor('[data-testid="person-consent-uses"]');
      const expired = `consent expired on ${longDate(ended)}. Ask for it to be renewed.`;
      for (const use of setup.uses) {
        const row = `[data-testid="person-consent-use-${use.useKey}"]`;
        assert.equal(await s.cmd('GET', `/element/${await s.find(row)}/attribute/data-allowed`), 'false', use.useKey);
        assert.ok((await s.text(row)).includes(expired), `${use.useKey}: ${await s.text(row)}`);
        // The photo check gives the same answer in the same words, name included.
        const check = (await invokeFromPage(s, 'consent_check', { question: { personIds: [ruby.id], useKey: use.useKey, withName: true } })).ok;
        assert.equal(check.allowed, false);
        assert.equal(check.people[0].reason, 'expired');
        assert.equal(check.people[0].explanation, `No: ${expired}`);
      }
      const name = await s.text('[data-testid="person-consent-name"]');
      assert.match(name, /^Name with the image\s*No\s*consent expired/, `the consent allowed her name, but it has ended: ${JSON.stringify(name)}`);
      assert.ok(name.includes(expired), name);
      assert.match(await s.text('[data-testid="person-consent-history"]'), new RegExp(`Expired on ${longDate(ended)}`));
      await s.exec(`document.querySelector('[data-testid="person-consent"]').scrollIntoView({ block: 'start' }); return true;`);
      await s.screenshot(join(shots, '88-person-consent-expired.png'));
      await checkAccessibility(s, 'person page with an expired consent');

      // Back on the dashboard, Ruby's ended consent is overdue, with her mother to ask.
      await s.click('[data-testid="nav-dashboard"]');
      assert.match(
        await s.waitForText('[data-testid="due-now"]', /Ruby Fenwick/),
        new RegExp(`Photo consent to renew: Ruby Fenwick, ended: its last day was ${longDate(plusDays(ended, -1))} \\(\\d+ days ago\\)\\. Ask Laura Fenwick \\(mother\\)\\.`),
      );

      // ---- The calendar file holds the last day of Jayden's consent, and who to ask.
      await s.click('[data-testid="due-export"]');
      const icsPath = await s.waitForText('[data-testid="due-export-path"]', /\.ics$/);
      const ics = readFileSync(await collect(saveDir, basename(icsPath), artifacts, 'due-dates-consent.ics'), 'utf8');
      const event = ics.split('BEGIN:VEVENT').find((e) => e.includes('Jayden Clarke'));
      assert.ok(event, 'the calendar has Jayden');
      // Jayden is 16 now, so he may give the new consent himself.
      assert.match(event.replace(/\r\n /g, '').replace(/\\([,;])/g, '$1'), /SUMMARY:Photo consent ends: Jayden Clarke\. Ask Denise Clarke \(mother\), or Jayden Clarke, who is now old enough/);
      assert.match(event, new RegExp(`DTSTART;VALUE=DATE:${jayden.lastDay.replaceAll('-', '')}`));

      // ---- The Tuesday club's register as at a trip a week after Jayden's consent ends.
      const trip = plusDays(jayden.lastDay, 8);
      await s.click('[data-testid="nav-consent"]');
      await s.click('[data-testid="consent-tab-groups"]');
      await s.click('[data-testid^="group-open-"]');
      await s.waitForText('[data-testid="group-members-chosen"]', /Jayden Clarke/);
      const [y, m, d] = trip.split('-');
      await s.type('[data-testid="consent-register-as-at-day"]', String(Number(d)));
      await s.type('[data-testid="consent-register-as-at-month"]', String(Number(m)));
      await s.type('[data-testid="consent-register-as-at-year"]', y);
      await s.exec(`document.querySelector('[data-testid="consent-register-save"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '89-register-as-at-a-trip.png'));
      await checkAccessibility(s, 'the group register with a trip date');
      await s.click('[data-testid="consent-register-save"]');
      const registerPath = await s.waitForText('[data-testid="consent-register-save-path"]', /\.pdf$/);
      const register = await collect(saveDir, basename(registerPath), artifacts, 'consent-register-as-at-trip.pdf');
      const words = pdfWords(register);
      assert.ok(pdfText(register).includes(`As at ${longDate(trip)} \u00b7 3 people`), 'the sheet says the day it is for');
      assert.ok(words.includes(`will stand on ${longDate(trip)}`), words);
      assert.match(words, /Jayden Clarke( ■ NO){4}/, 'his consent ends before the trip');
      assert.ok(words.includes(`Consent ends ${longDate(plusDays(jayden.lastDay, 1))}: renew it first`), words);
      assert.match(words, /Amira Haddad Yes/, "Amira's consent still stands on the day of the trip");
      renderFirstPage(register, shots, '90-pdf-consent-register-as-at-trip');
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
