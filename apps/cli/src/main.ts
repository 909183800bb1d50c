import 'reflect-metadata';
import { loadConfigOrExit } from '@evalflow/config';
import { runCommand } from './commands';

const config = loadConfigOrExit();
runCommand(process.argv[2], config, console.log, console.error, process.argv.slice(3)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
