// `npm test`: every test suite of the repository — unit, integration (real PostgreSQL and Redis),
// web component tests and the end-to-end suites (which build and start the real apps; test/e2e-web drives
// them in headless Chromium).
import { checkServices } from './services.mjs';
import { ensureSystemPackages } from './system-packages.mjs';
import { run } from './run.mjs';

if (!(await checkServices())) process.exit(1);
if (!ensureSystemPackages(['fonts', 'tests', 'browser'])) process.exit(1);

const started = Date.now();
const code = await run('npx', [
  'nx',
  'run-many',
  '--target=test',
  '--all',
  '--skip-nx-cache',
  '--parallel=1',
  '--outputStyle=stream',
  ...process.argv.slice(2),
]);
console.log(
  `\nnpm test: ${code === 0 ? 'all suites passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
);
if (code !== 0) process.exit(code);

// Last, the short fault suite against the built apps (its own database, queue prefix and ports), only after
// every suite passed, and only for a whole run (`npm test -- <nx options>` narrows to some projects).
if (process.argv.length > 2) {
  console.log('npm test: fault suite skipped (a narrowed run); `node tools/faults/run.mjs --short` runs it');
  process.exit(0);
}
const faultsStarted = Date.now();
let faults = await run('npx', [
  'nx',
  'run-many',
  '--target=build',
  '--projects=api,worker,cli',
  '--outputStyle=static',
]);
if (faults === 0) faults = await run('node', ['tools/faults/run.mjs', '--short']);
console.log(
  `\nnpm test: fault suite (short) ${faults === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - faultsStarted) / 1000)} s`,
);
process.exit(faults);
