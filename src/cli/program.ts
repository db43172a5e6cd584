import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { type CommandModule, ExitCode, InternalError, UsageError } from './context.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The program with the named commands (files in ./commands/) registered. */
export async function buildProgram(commands: readonly string[]): Promise<Command> {
  const program = new Command('wiretrace')
    .description('Follow a news story across outlets: who copied whom, and what changed on the way.')
    .version(version)
    .addOption(
      new Option('--db <url>', 'store: SQLite file path or postgres:// URL')
        .env('WIRETRACE_DB')
        .default('wiretrace.db'),
    )
    .option('--json', 'print machine-readable JSON on stdout')
    .option('-q, --quiet', 'no progress or summary lines (errors are still printed)')
    .showHelpAfterError('(run wiretrace --help for usage)')
    // Throw instead of exiting, so that usage errors get exit status 2 (commander uses 1).
    .exitOverride();
  for (const name of commands) {
    const module = (await import(`./commands/${name}.js`)) as CommandModule;
    module.register(program);
  }
  return program;
}

/** Runs the CLI on argv (as process.argv: node, script, args…) and returns the exit status. */
export async function run(argv: string[], commands: readonly string[]): Promise<number> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `wiretrace articles | head`: the reader went away; that is not a failure.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = await buildProgram(commands);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed the message or the help already.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version'
        ? ExitCode.Ok
        : ExitCode.Usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`wiretrace: ${error.message}\n`);
      return ExitCode.Usage;
    }
    const message =
      error instanceof InternalError
        ? error.message
        : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    process.stderr.write(`wiretrace: ${message}\n`);
    return ExitCode.Internal;
  }
}
