// Runs chosen scenarios from scenarios/ on their own, for working on one:
// `xvfb-run -a node tests/e2e/only.mjs 80-restore-and-reports`. The full suite is run.mjs.
import * as harness from './harness.mjs';

const wanted = process.argv.slice(2);
if (wanted.length === 0) {
  console.error('Name one or more scenarios, for example: node tests/e2e/only.mjs 70-backup');
  process.exit(2);
}
for (const name of wanted) {
  const scenario = await import(`./scenarios/${name.replace(/\.mjs$/, '')}.mjs`);
  await scenario.default(harness);
}
console.log(`\ne2e: ${harness.results.passed} passed, ${harness.results.failed} failed`);
process.exit(harness.results.failed === 0 ? 0 : 1);
