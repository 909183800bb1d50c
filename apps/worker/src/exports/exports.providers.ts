import { EXPORT_LIMITS } from '@evalflow/domain';
import { EXPORT_LIMITS_TOKEN } from './export-limits';
import { ExportsWorker } from './exports-worker.service';
import { ParseImportHandler } from '../imports/parse-import.handler';
import { IndicatorRowsExport } from './indicator-rows.export';
import { ApprovedPdfsExport } from './approved-pdfs.export';
import { RunExportHandler } from './run-export.handler';

/** The exports queue: its bounds, the kinds' writers, the handler and the worker. */
export const EXPORTS_PROVIDERS = [
  { provide: EXPORT_LIMITS_TOKEN, useValue: EXPORT_LIMITS },
  IndicatorRowsExport,
  ApprovedPdfsExport,
  RunExportHandler,
  ParseImportHandler,
  ExportsWorker,
];
