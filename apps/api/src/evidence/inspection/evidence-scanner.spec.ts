import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { AppError } from '@evalflow/domain';
import { CommandScanner, NoScanner, scannerFromConfig, type ScannedFile } from './evidence-scanner';

let dir: string;
let upload: ScannedFile;
let warnings: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'evalflow-scanner-'));
  const path = join(dir, 'upload-1234');
  writeFileSync(path, '%PDF-1.4\n');
  upload = { path, fileName: '自评报告.pdf', kind: 'pdf', sizeBytes: 9 };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  warnings = [];
  jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
    warnings.push(String(message));
  });
});
afterEach(() => jest.restoreAllMocks());

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** dead: no such process, or a zombie nobody has reaped yet (it holds nothing any more) */
function isDead(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return true;
  const state = readFileSync(stat, 'utf8').replace(/^.*\) /s, '')[0];
  return state === 'Z' || state === 'X';
}

describe('evidence scanners', () => {
  it('NoScanner finds every file clean', async () => {
    const scanner = new NoScanner();
    expect(scanner.name).toBe('none');
    expect(await scanner.scan()).toEqual({ clean: true });
  });

  it('builds the scanner the configuration asks for', () => {
    expect(scannerFromConfig({ scanCommand: null, scanTimeoutMs: 1000 })).toBeInstanceOf(NoScanner);
    expect(scannerFromConfig({ scanCommand: '   ', scanTimeoutMs: 1000 })).toBeInstanceOf(NoScanner);
    const clam = scannerFromConfig({ scanCommand: ' clamdscan  --no-summary --fdpass ', scanTimeoutMs: 1000 });
    expect(clam).toBeInstanceOf(CommandScanner);
    expect(clam.name).toBe('clamdscan');
  });

  it('a command exiting 0 finds the file clean, given its arguments and the path last', async () => {
    const args = join(dir, 'args.txt');
    const clean = script('clean.sh', `printf '%s\\n' "$@" > "${args}"\nexit 0`);
    expect(await new CommandScanner(`${clean} --no-summary  --fdpass`, 5000).scan(upload)).toEqual({ clean: true });
    expect(readFileSync(args, 'utf8')).toBe(`--no-summary\n--fdpass\n${upload.path}\n`);
  });

  it('a command exiting 1 refuses the file, its first line the reason (without the temporary path)', async () => {
    const found = script('found.sh', 'echo "$1: Eicar-Signature FOUND"\necho "second line"\nexit 1');
    expect(await new CommandScanner(found, 5000).scan(upload)).toEqual({
      clean: false,
      reason: '自评报告.pdf: Eicar-Signature FOUND',
    });
    const long = script('long.sh', `echo "${'x'.repeat(300)}" >&2\nexit 1`);
    const verdict = await new CommandScanner(long, 5000).scan(upload);
    expect(verdict).toEqual({ clean: false, reason: 'x'.repeat(200) });
  });

  it('any other exit is "unavailable", and the log holds no path', async () => {
    const broken = script('broken.sh', 'echo "cannot connect to clamd at $1" >&2\nexit 2');
    const err = await failure(new CommandScanner(broken, 5000).scan(upload));
    expect(err.code).toBe('EVIDENCE_SCAN_UNAVAILABLE');
    expect(warnings).toEqual(['virus scanner "broken.sh" unavailable: exit code 2']);
  });

  it('a command that cannot start is "unavailable"', async () => {
    const err = await failure(new CommandScanner(join(dir, 'no-such-scanner'), 5000).scan(upload));
    expect(err.code).toBe('EVIDENCE_SCAN_UNAVAILABLE');
    expect(warnings[0]).toMatch(/could not run \(ENOENT\)/);
  });

  it('a command that does not answer in time is killed, with what it started, and is "unavailable"', async () => {
    // the script waits on a child of its own: killing the script alone would leave the child holding the output
    const slow = script('slow.sh', 'echo $$ > "$1/sh.pid"\nsleep 30 &\necho $! > "$1/sleep.pid"\nwait');
    const err = await failure(new CommandScanner(`${slow} ${dir}`, 200).scan(upload));
    expect(err.code).toBe('EVIDENCE_SCAN_UNAVAILABLE');
    expect(warnings).toEqual(['virus scanner "slow.sh" unavailable: no answer within 200 ms, killed']);
    expect(isDead(Number(readFileSync(join(dir, 'sh.pid'), 'utf8')))).toBe(true);
    expect(isDead(Number(readFileSync(join(dir, 'sleep.pid'), 'utf8')))).toBe(true);
  });
});
