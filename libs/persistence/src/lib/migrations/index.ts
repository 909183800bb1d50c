import { Foundation1764050000000 } from './1764050000000-foundation';
import { Authentication1764060000000 } from './1764060000000-authentication';
import { Reports1764070000000 } from './1764070000000-reports';
import { Workflow1764080000000 } from './1764080000000-workflow';
import { Notifications1764090000000 } from './1764090000000-notifications';
import { Review1764100000000 } from './1764100000000-review';
import { Documents1764110000000 } from './1764110000000-documents';
import { ReportKinds1764120000000 } from './1764120000000-report-kinds';
import { Templates1764130000000 } from './1764130000000-templates';
import { AuditChainHeads1764140000000 } from './1764140000000-audit-chain-heads';
import { DocumentLimits1764150000000 } from './1764150000000-document-limits';
import { LoginThrottleRefusals1764160000000 } from './1764160000000-login-throttle-refusals';
import { IdempotencyKeys1764170000000 } from './1764170000000-idempotency-keys';
import { InflationFlags1764180000000 } from './1764180000000-inflation-flags';
import { Rescoring1764190000000 } from './1764190000000-rescoring';
import { SpotChecks1764200000000 } from './1764200000000-spot-checks';
import { Disclosure1764210000000 } from './1764210000000-disclosure';
import { Exports1764220000000 } from './1764220000000-exports';
import { ReportImports1764230000000 } from './1764230000000-report-imports';
import { ReportImportUpkeep1764240000000 } from './1764240000000-report-import-upkeep';
import { MailPreferences1764250000000 } from './1764250000000-mail-preferences';
import { FourEyes1764260000000 } from './1764260000000-four-eyes';
import { StandIns1764260000001 } from './1764260000001-stand-ins';
import { Webhooks1764270000000 } from './1764270000000-webhooks';
import { ApiKeys1764280000000 } from './1764280000000-api-keys';
import { EvidenceFiles1764290000000 } from './1764290000000-evidence-files';
import { AuthChangeNotify1764300000000 } from './1764300000000-auth-change-notify';
import { OutboxPriority1764310000000 } from './1764310000000-outbox-priority';
import { MustChangePassword1764340000000 } from './1764340000000-must-change-password';
import { RemindersAndPdfBundles1764350000000 } from './1764350000000-reminders-and-pdf-bundles';

/** Every migration, oldest first. Listed explicitly so bundled apps need no file globbing. */
export const MIGRATIONS = [
  Foundation1764050000000,
  Authentication1764060000000,
  Reports1764070000000,
  Workflow1764080000000,
  Notifications1764090000000,
  Review1764100000000,
  Documents1764110000000,
  ReportKinds1764120000000,
  Templates1764130000000,
  AuditChainHeads1764140000000,
  DocumentLimits1764150000000,
  LoginThrottleRefusals1764160000000,
  IdempotencyKeys1764170000000,
  InflationFlags1764180000000,
  Rescoring1764190000000,
  SpotChecks1764200000000,
  Disclosure1764210000000,
  Exports1764220000000,
  ReportImports1764230000000,
  ReportImportUpkeep1764240000000,
  MailPreferences1764250000000,
  FourEyes1764260000000,
  StandIns1764260000001,
  Webhooks1764270000000,
  ApiKeys1764280000000,
  EvidenceFiles1764290000000,
  AuthChangeNotify1764300000000,
  OutboxPriority1764310000000,
  MustChangePassword1764340000000,
  RemindersAndPdfBundles1764350000000,
];
