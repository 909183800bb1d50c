import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Score-inflation flags (虚高预警) of 县级概览: the county's thresholds live with its other settings, as
 * one JSON object validated by the domain (validateInflationThresholds); NULL means the named defaults.
 */
export class InflationFlags1764180000000 implements MigrationInterface {
  name = 'InflationFlags1764180000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tenant_settings
        ADD COLUMN inflation_thresholds jsonb
          CHECK (inflation_thresholds IS NULL OR jsonb_typeof(inflation_thresholds) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant_settings DROP COLUMN inflation_thresholds`);
  }
}
