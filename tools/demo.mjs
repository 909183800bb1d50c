// `npm run demo`: builds everything, creates and migrates the database, seeds the demo counties,
// then runs api + worker with the web app on http://localhost:3000 until Ctrl+C.
import { spawn } from 'node:child_process';
import { checkServices } from './services.mjs';
import { ensureSystemPackages } from './system-packages.mjs';
import { NX_ENV, runOrExit } from './run.mjs';

if (!(await checkServices())) process.exit(1);
if (!ensureSystemPackages(['fonts'])) process.exit(1);

const PORT = process.env.PORT || '3000';
// The demo is the one place that runs as development: its published logins, its development JWT
// secrets and a refresh cookie without Secure (plain http://localhost). Everything else defaults to production.
const env = { ...process.env, ...NX_ENV, PORT, NODE_ENV: 'development' };

console.log('▶ building api, worker, cli and web …');
await runOrExit('npx', ['nx', 'run-many', '--target=build', '--projects=api,worker,cli,web', '--outputStyle=static']);
console.log('▶ migrating the database …');
await runOrExit('node', ['dist/apps/cli/main.js', 'migrate'], env);
console.log('▶ seeding the demo …');
await runOrExit('node', ['dist/apps/cli/main.js', 'seed:demo'], env);

const children = ['api', 'worker'].map((name) =>
  spawn('node', [`dist/apps/${name}/main.js`], { stdio: ['ignore', 'inherit', 'inherit'], env }),
);

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null))).then(() =>
    process.exit(code),
  );
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
for (const child of children) {
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`a process stopped unexpectedly (exit code ${code}); stopping the demo`);
      stopAll(1);
    }
  });
}

// Wait until the API is ready, then say where to go and who to be.
const deadline = Date.now() + 60000;
for (;;) {
  try {
    const res = await fetch(`http://127.0.0.1:${PORT}/api/ready`);
    if (res.ok) break;
  } catch {
    // not listening yet
  }
  if (Date.now() > deadline || stopping) {
    console.error('the API did not become ready within 60 s');
    stopAll(1);
    break;
  }
  await new Promise((r) => setTimeout(r, 300));
}
if (!stopping) {
  const logins = spawn('node', ['dist/apps/cli/main.js', 'demo:logins'], { env });
  let text = '';
  logins.stdout.on('data', (d) => (text += d));
  await new Promise((r) => logins.on('exit', r));
  console.log(`
================================================================
 EvalFlow is running:  http://localhost:${PORT}
 API documentation:    http://localhost:${PORT}/api/docs
 Readiness:            http://localhost:${PORT}/api/ready
${text.replace(/^/gm, ' ')}
 Stop with Ctrl+C.
================================================================`);
}
