import { spawn, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';
import { Logger } from '@nestjs/common';
import { AppError, type EvidenceKind } from '@evalflow/domain';

/** the injection token of the scanner uploads go through */
export const EVIDENCE_SCANNER = Symbol('EVIDENCE_SCANNER');

export type ScanVerdict = { clean: true } | { clean: false; reason: string };

export interface ScannedFile {
  /** the uploaded bytes, in a temporary file */
  path: string;
  /** the name the user gave */
  fileName: string;
  kind: EvidenceKind;
  sizeBytes: number;
}

/**
 * Scans each uploaded 佐证材料 file (after its content checks, before it is stored). A file that is not clean is
 * refused (EVIDENCE_SCAN_REJECTED); a scanner that cannot answer throws AppError EVIDENCE_SCAN_UNAVAILABLE and the
 * upload fails (never stored unscanned once a scanner is configured).
 *
 * By default nothing is scanned (NoScanner). A county plugs in a scanner in one of two ways:
 * - a command, through the environment: `EVIDENCE_SCAN_COMMAND="clamdscan --no-summary --fdpass"` runs ClamAV's
 *   client against the local clamd with the file's path appended (CommandScanner: exit 0 clean, exit 1 found,
 *   anything else unavailable), bounded by `EVIDENCE_SCAN_TIMEOUT_MS`;
 * - its own scanner (an ICAP client, a vendor's SDK…): a class implementing this interface, provided under the
 *   EVIDENCE_SCANNER token in place of the one `scannerFromConfig` builds.
 */
export interface EvidenceScanner {
  /** shown in logs: which scanner answered or failed */
  readonly name: string;
  scan(file: ScannedFile): Promise<ScanVerdict>;
}

/** The default: no scanning configured, every file is clean. */
export class NoScanner implements EvidenceScanner {
  readonly name = 'none';

  async scan(): Promise<ScanVerdict> {
    return { clean: true };
  }
}

/** what is kept of a scanner's output (only its first line is used) */
const OUTPUT_KEPT_BYTES = 4096;
const REASON_MAX = 200;
/** after a kill, how long the process is waited for before giving up on it (a child that escaped its group) */
const KILL_GRACE_MS = 2000;

/**
 * Runs a command (no shell: split on whitespace) with the file's path as its last argument. Exit 0: clean; exit 1:
 * not clean, the first line of its output is the reason; any other exit, a failure to start, or no answer within the
 * timeout (the command and whatever it started are killed): unavailable.
 */
export class CommandScanner implements EvidenceScanner {
  readonly name: string;
  private readonly program: string;
  private readonly args: readonly string[];
  private readonly logger = new Logger(CommandScanner.name);

  constructor(
    command: string,
    private readonly timeoutMs: number,
  ) {
    const [program, ...args] = command.trim().split(/\s+/);
    if (!program) throw new Error('the scan command is empty');
    this.program = program;
    this.args = args;
    this.name = basename(program);
  }

  scan(file: ScannedFile): Promise<ScanVerdict> {
    return new Promise((resolve, reject) => {
      // its own process group, so a timeout kills what it started too (a shell script's children hold its output)
      const child = spawn(this.program, [...this.args, file.path], {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
        windowsHide: true,
      });
      const stdout = collect(child.stdout);
      const stderr = collect(child.stderr);
      let settled = false;
      let timedOut = false;
      let graceTimer: NodeJS.Timeout | undefined;

      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearTimeout(graceTimer);
        outcome();
      };
      // the log names the scanner and what went wrong, never the file, its path or the command's arguments
      const unavailable = (why: string) => {
        this.logger.warn(`virus scanner "${this.name}" unavailable: ${why}`);
        return new AppError('EVIDENCE_SCAN_UNAVAILABLE');
      };

      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child);
        graceTimer = setTimeout(() => {
          child.stdout?.destroy();
          child.stderr?.destroy();
          settle(() => reject(unavailable(`no answer within ${this.timeoutMs} ms`)));
        }, KILL_GRACE_MS);
      }, this.timeoutMs);

      child.on('error', (err: NodeJS.ErrnoException) => {
        killGroup(child);
        settle(() => reject(unavailable(`could not run (${err.code ?? err.name})`)));
      });
      // 'close': the process has exited and its output is all read
      child.on('close', (code, signal) =>
        settle(() => {
          if (timedOut) return reject(unavailable(`no answer within ${this.timeoutMs} ms, killed`));
          if (code === 0) return resolve({ clean: true });
          if (code === 1) return resolve({ clean: false, reason: reasonOf(stdout(), stderr(), file) });
          reject(unavailable(code === null ? `stopped by ${signal}` : `exit code ${code}`));
        }),
      );
    });
  }
}

/** The scanner the configuration asks for: a command, or none. */
export function scannerFromConfig(config: { scanCommand: string | null; scanTimeoutMs: number }): EvidenceScanner {
  const command = config.scanCommand?.trim();
  return command ? new CommandScanner(command, config.scanTimeoutMs) : new NoScanner();
}

/** kills the command and what it started (its group lives on while any of them does, the command's exit or not) */
function killGroup(child: ChildProcess) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // no group left, or a platform without groups
    child.kill('SIGKILL');
  }
}

/** the first bytes of a stream's output, as text once it is done */
function collect(stream: NodeJS.ReadableStream | null): () => string {
  const chunks: Buffer[] = [];
  let kept = 0;
  stream?.on('data', (chunk: Buffer) => {
    if (kept >= OUTPUT_KEPT_BYTES) return;
    chunks.push(chunk.subarray(0, OUTPUT_KEPT_BYTES - kept));
    kept += chunk.length;
  });
  return () => Buffer.concat(chunks).toString('utf8');
}

/** the first line said, without the temporary path (clamdscan prints "<path>: Eicar-Signature FOUND") */
function reasonOf(stdout: string, stderr: string, file: ScannedFile): string {
  const line = `${stdout}\n${stderr}`
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  const reason = (line ?? '扫描程序判定文件不安全').split(file.path).join(file.fileName);
  return reason.length > REASON_MAX ? reason.slice(0, REASON_MAX) : reason;
}
