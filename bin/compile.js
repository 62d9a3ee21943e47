// Compiles the command line (src/cli.ts and everything it imports) into one JavaScript module, so that
// Node runs it without a TypeScript loader: tsx's loader thread alone holds about 30 MB of every
// process, which is a tenth of an import's memory budget (ADR 0004). Compiling takes a few tenths of
// a second and happens at every start, so what runs is always the source as it is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, stop } from 'esbuild';

const root = join(import.meta.dirname, '..');
// Inside the project, so that the packages left out of the bundle resolve from its node_modules.
const cacheDir = join(root, 'node_modules', '.cache', 'iranmade');

/** Each module keeps its own location: migrations, static files and fonts are found beside it. */
const ownLocation = {
  name: 'own-location',
  setup(b) {
    b.onLoad({ filter: /\/src\/.*\.tsx?$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path))),
      loader: args.path.endsWith('x') ? 'tsx' : 'ts',
    }));
  },
};

/** The path of the compiled command line, named by its content so that processes compiling at once agree. */
export async function compile() {
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    outfile: join(cacheDir, 'cli.mjs'),
    logLevel: 'error',
    plugins: [ownLocation],
    // Stack traces name the TypeScript's lines (Node runs it with --enable-source-maps).
    sourcemap: 'inline',
    sourcesContent: false,
  });
  // esbuild's service process would otherwise live as long as the launcher.
  await stop();
  const code = outputFiles[0].contents;
  const file = join(cacheDir, `cli-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (existsSync(file)) return file;
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  } catch (err) {
    throw new Error(
      `cannot write the compiled command line into ${cacheDir} (${err.code}): run npm install, which compiles it, as the account that owns the project`,
    );
  }
  // The files of earlier code: a process running one has read it whole already.
  for (const old of readdirSync(cacheDir).filter((f) => /^cli-[0-9a-f]{16}\.mjs$/.test(f))) {
    if (join(cacheDir, old) !== file) rmSync(join(cacheDir, old), { force: true });
  }
  return file;
}

// `npm install` runs this (the package's `prepare`), so that a deployment whose files the server's
// account may not write already holds the compiled file it will look for.
if (process.argv[1] === import.meta.filename) await compile();
