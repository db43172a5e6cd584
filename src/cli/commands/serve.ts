import type { Command } from 'commander';
import { openStore } from '../../store/index.js';
import { globalOptions, InternalError, UsageError } from '../context.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port: not a port number: ${value}`);
  return port;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and the JSON API (GET /api/openapi.json) over the store')
    .option('--port <port>', 'TCP port (0: any free port)', '8080')
    .option(
      '--host <address>',
      'address to listen on; loopback by default, so only this machine can connect',
      '127.0.0.1',
    )
    .action(async (options: { port: string; host: string }, command: Command) => {
      const { db, quiet } = globalOptions(command);
      const port = parsePort(options.port);
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore(db);
      } catch (error) {
        throw new InternalError(`${db}: cannot open store: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Loaded here, not at the top: the pipeline pulls in every NLP model, and every other
      // command (even --help) would pay for it at start-up.
      const [{ buildServer }, { pipeline }, { CorpusService }] = await Promise.all([
        import('../../server/app.js'),
        import('../../server/pipeline.js'),
        import('../../server/service.js'),
      ]);
      const service = await new CorpusService(pipeline, store).load();
      const app = await buildServer(service, { logger: false });
      let address: string;
      try {
        address = await app.listen({ host: options.host, port });
      } catch (error) {
        await store.close().catch(() => undefined);
        throw new InternalError(
          `cannot listen on ${options.host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (!quiet) {
        process.stderr.write(`wiretrace: serving ${db} on ${address} (API description: ${address}/api/openapi.json)\n`);
        if (!LOOPBACK.has(options.host)) {
          process.stderr.write('wiretrace: warning: listening beyond this machine; the API has no authentication\n');
        }
      }
      // Analysing every story takes seconds on a large store: done now, the first page loads at once.
      const stories = (await service.listStories()).length;
      if (!quiet) process.stderr.write(`wiretrace: ${stories} stories ready\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void app
            .close()
            .then(() => store.close())
            .finally(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
