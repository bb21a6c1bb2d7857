import { CliUsageError, parseCliArgs, USAGE } from './cli-args';
import { loadDataFile, startSimulator } from './index';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let data;
  if (options.data !== undefined) {
    try {
      data = await loadDataFile(options.data);
    } catch (error) {
      process.stderr.write(`Cannot load ${options.data}: ${(error as Error).message}\n`);
      process.exit(2);
    }
  }
  const sim = await startSimulator({ port: options.port, host: options.host, scale: options.scale, ...(data ? { data } : {}), ...(options.seed !== undefined ? { seed: options.seed } : {}) });
  process.stdout.write(`Portal simulator listening on ${sim.url}\n`);
  process.stdout.write(`Parent admin (simulator only): username ${sim.credentials.username}, password ${sim.credentials.password}\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Portal simulator failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
