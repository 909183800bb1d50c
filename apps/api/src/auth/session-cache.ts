import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AUTH_CHANGED_CHANNEL, onLocalAuthChange } from '@evalflow/persistence';
import { Client } from 'pg';

/** the most sessions held; past it the oldest go */
const MAX_ENTRIES = 20000;
const RECONNECT_MS = [500, 1000, 2000, 5000, 10000];

/**
 * Session rows (what a session check reads) held for SESSION_CACHE_MS, so that most requests need no query to know
 * who is asking. Safe only while this instance hears every change at once, so:
 * - any change committed by this process empties it before the changing request answers (the tenant and platform
 *   transaction wrappers read the triggers' flag with their COMMIT);
 * - a change committed anywhere else arrives by LISTEN evalflow_auth_changed, at commit, and empties it;
 * - while that LISTEN connection is down it holds nothing (every check asks the database), and it starts empty again;
 * - a row read while a change came in is not kept (the generation moved), so a request racing a logout cannot put
 *   the old row back.
 * A cached row that does not pass the check is never trusted either: the database is asked again.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionCache.name);
  private readonly ttlMs: number;
  private readonly listenUrl: string;
  private readonly entries = new Map<string, { row: unknown; at: number }>();
  private generationCount = 0;
  private listening = false;
  private closing = false;
  private client: Client | null = null;
  private reconnects = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopLocal: (() => void) | null = null;

  constructor(config: ConfigService<AppConfig, true>) {
    this.ttlMs = config.get('auth', { infer: true }).sessionCacheMs;
    const database = config.get('database', { infer: true });
    this.listenUrl = database.platformUrl ?? database.url;
  }

  /** how many times it has been emptied: a read started at one generation is kept only if it is still current */
  get generation(): number {
    return this.generationCount;
  }

  /** whether it holds anything at all (on, and listening) */
  get active(): boolean {
    return this.ttlMs > 0 && this.listening;
  }

  onModuleInit(): void {
    if (this.ttlMs === 0) return;
    this.stopLocal = onLocalAuthChange(() => this.forget());
    void this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.stopLocal?.();
    if (this.timer) clearTimeout(this.timer);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
  }

  get<T>(sessionId: string): T | undefined {
    if (!this.active) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (Date.now() - entry.at > this.ttlMs) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.row as T;
  }

  /** keeps a row read at `generation`, unless a change came in since */
  put(sessionId: string, row: unknown, generation: number): void {
    if (!this.active || generation !== this.generationCount || !row) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(sessionId, { row, at: Date.now() });
  }

  forget(): void {
    this.generationCount++;
    this.entries.clear();
  }

  private async listen(): Promise<void> {
    if (this.closing) return;
    const client = new Client({ connectionString: this.listenUrl, application_name: 'evalflow-api-auth-listener' });
    this.client = client;
    client.on('notification', () => this.forget());
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${AUTH_CHANGED_CHANNEL}`);
      this.forget();
      this.listening = true;
      this.reconnects = 0;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  /** The listener is gone: hold nothing until it is back. */
  private lost(client: Client, error?: Error): void {
    if (client !== this.client) return;
    this.client = null;
    this.listening = false;
    this.forget();
    void client.end().catch(() => undefined);
    if (this.closing) return;
    const wait = RECONNECT_MS[Math.min(this.reconnects++, RECONNECT_MS.length - 1)];
    if (error) this.logger.warn({ msg: 'session cache off: its change listener is down', error: error.message });
    this.timer = setTimeout(() => void this.listen(), wait);
  }
}
