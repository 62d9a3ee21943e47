import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { CommandError, UsageError } from './command-errors.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DataDirInUse } from './db/data-dir-lock.ts';
import { migrate } from './db/migrator.ts';
import { AppError, problem } from './errors.ts';
import { ensureAdmin } from './modules/accounts/service.ts';
import { seedDemo } from './modules/demo/seed.ts';
import { IMPORT_USAGE, parseImportArgs, runImport } from './modules/import/cli.ts';
import { runVerify } from './modules/log/verifier.ts';
import { runSnapshot, SNAPSHOT_USAGE } from './modules/opendata/snapshot-cli.ts';
import { logger, openConfiguredDatabase, runServer } from './runtime.ts';

const USAGE = `iranmade — the national registry of domestically-made products

  iranmade serve                       run the server (PORT, DATA_DIR or DATABASE_URL)
  iranmade migrate                     apply the database migrations
  iranmade seed-demo [--products N] [--units N] [--seed N]
                                       load the demo catalog through the registry's services
  iranmade admin create --email E --password P [--name N]
                                       create an admin account
  iranmade verify receipt|monitor|audit …  check the transparency log (iranmade verify for details)
${IMPORT_USAGE}
${SNAPSHOT_USAGE}

Settings come from the environment; see README.md.`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>) {
  const database = await openConfiguredDatabase(loadConfig(), 'command');
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

// V8 lets a heap that spends little time collecting grow to several times what it keeps before it
// collects again: at a million products the search index's build peaked at 810 MB and 50 clients
// added 200 MB of garbage. Growing by half at most keeps the server and the long commands (import,
// snapshot) near what their heap holds, at the same speed (ADR 0002).
setFlagsFromString('--heap-growing-percent=50');

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      return runServer(loadConfig());
    case 'migrate':
      return withDatabase(async () => console.log('migrations applied'));
    case 'seed-demo': {
      const { values } = parseArgs({
        args: rest,
        options: { products: { type: 'string' }, units: { type: 'string' }, seed: { type: 'string' } },
      });
      const products = values.products ? Number(values.products) : undefined;
      const units = values.units
        ? Number(values.units)
        : products
          ? Math.max(300, Math.round(products / 10))
          : undefined;
      const log = logger(loadConfig());
      return withDatabase(async (database) => {
        const res = await seedDemo(
          { db: database.db, now: () => new Date() },
          {
            products,
            units,
            seed: values.seed ? Number(values.seed) : undefined,
            onProgress: (done, total) => process.stderr.write(`\r${done}/${total}`),
          },
        );
        process.stderr.write('\n');
        log.info(res, 'demo catalog loaded');
      });
    }
    case 'import': {
      const job = parseImportArgs(rest);
      return withDatabase(async (database) => {
        process.exitCode = await runImport({ db: database.db, now: () => new Date() }, job);
      });
    }
    case 'snapshot':
      return withDatabase(async (database) => {
        process.exitCode = await runSnapshot({ db: database.db, now: () => new Date() });
      });
    case 'admin': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
      });
      if (positionals[0] !== 'create' || !values.email || !values.password) throw new UsageError();
      const { email, password, name } = values;
      if (password.length < 10) throw new UsageError('the password needs at least 10 characters');
      return withDatabase(async (database) => {
        const { created } = await ensureAdmin(
          { db: database.db, now: () => new Date() },
          { email, password, name },
        );
        console.log(
          created ? `admin ${email} created` : `an account ${email} already exists; nothing changed`,
        );
      });
    }
    case 'verify':
      return runVerify(rest);
    case 'help':
    case '--help':
    case '-h':
      return console.log(USAGE);
    default:
      throw new UsageError(command ? `unknown command: ${command}` : undefined);
  }
}

/** A service's refusal (an import file's columns, an admin's email) as a line a person reads. */
function refusal(err: AppError): string {
  const p = problem(err, 'en');
  return (
    p.errors?.map((e) => `${e.field}: ${e.message}`).join('\n') ??
    [p.title, p.missing].filter(Boolean).join(': ')
  );
}

main(process.argv.slice(2)).catch((err) => {
  const badArgument = typeof err?.code === 'string' && err.code.startsWith('ERR_PARSE_ARGS');
  if (err instanceof ConfigError || err instanceof DataDirInUse || err instanceof CommandError)
    console.error(err.message);
  else if (err instanceof AppError) console.error(refusal(err));
  else if (badArgument) console.error(`${err.message}\n\n${USAGE}`);
  else if (err instanceof UsageError) console.error(`${err.message ? `${err.message}\n\n` : ''}${USAGE}`);
  else console.error(err);
  process.exit(err instanceof UsageError || badArgument ? 64 : 1);
});
