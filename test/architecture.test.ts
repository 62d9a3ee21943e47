import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/architecture.md draws the modules and which uses which; this keeps the picture true to src/.
const root = resolve(import.meta.dirname, '..');
const modulesDir = join(root, 'src', 'modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Module → the other modules it imports from, read from the source's relative imports. */
function moduleUses(): Map<string, Set<string>> {
  const uses = new Map<string, Set<string>>();
  for (const module of readdirSync(modulesDir)) {
    const used = new Set<string>();
    for (const file of sourceFiles(join(modulesDir, module))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
        const [other] = relative(modulesDir, resolve(dirname(file), spec as string)).split('/');
        if (other && other !== module && !other.startsWith('..')) used.add(other);
      }
    }
    uses.set(module, used);
  }
  return uses;
}

/** The modules subgraph of the document's Mermaid diagram: its nodes and its arrows. */
function drawn() {
  const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
  const diagram = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const block = /subgraph modules\b[^\n]*\n([\s\S]*?)\n\s*end\b/.exec(diagram)?.[1] ?? '';
  const nodes = new Set<string>();
  const arrows = new Set<string>();
  for (const line of block.split('\n')) {
    const names = line
      .trim()
      .split(/\s*-->\s*|\s*&\s*/)
      .filter(Boolean);
    const [from, ...to] = line.split('-->').map((side) => side.trim());
    for (const n of names) nodes.add(n);
    if (from && to.length) for (const t of to[0]?.split(/\s*&\s*/) ?? []) arrows.add(`${from} --> ${t}`);
  }
  return { nodes, arrows };
}

/** The tables of src/db/schema.ts, each with the modules whose code names it in a query. */
function tableUsers(): Map<string, Set<string>> {
  const schema = readFileSync(join(root, 'src', 'db', 'schema.ts'), 'utf8');
  const tables = [
    ...(/export interface DB \{([^}]*)\}/.exec(schema)?.[1] ?? '').matchAll(/^\s*(\w+):/gm),
  ].map((m) => m[1] as string);
  const users = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const module of readdirSync(modulesDir)) {
    const code = sourceFiles(join(modulesDir, module))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const table of tables) {
      const named = new RegExp(
        `(selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|with)\\(\\s*'${table}[ .']|\\b(FROM|JOIN|INTO|UPDATE)\\s+${table}\\b`,
      );
      if (named.test(code)) users.get(table)?.add(module);
    }
  }
  return users;
}

describe('docs/architecture.md', () => {
  it('draws every module folder under src/modules, and no module that is not there', () => {
    expect([...drawn().nodes].sort()).toEqual(readdirSync(modulesDir).sort());
  });

  it('draws exactly the uses between modules that the code has', () => {
    const actual = [...moduleUses()].flatMap(([from, to]) => [...to].map((t) => `${from} --> ${t}`));
    expect([...drawn().arrows].sort()).toEqual(actual.sort());
  });
});

/** The document's table of modules: each table named in a row's last cell, with that row's module. */
function drawnOwners(): Map<string, string> {
  const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
  const owners = new Map<string, string>();
  for (const [, module, owns] of doc.matchAll(/^\| `(\w+)` \|[^|\n]*\|([^|\n]*)\|$/gm))
    for (const [, table] of (owns as string).matchAll(/`(\w+)`/g))
      owners.set(table as string, module as string);
  return owners;
}

describe('the tables', () => {
  it('are each queried by one module, the owner the document names; others ask its service', () => {
    const users = [...tableUsers()].filter(([, modules]) => modules.size > 0);
    const owners = drawnOwners();
    expect(users.map(([table, modules]) => `${table}: ${[...modules].sort().join(', ')}`).sort()).toEqual(
      users.map(([table]) => `${table}: ${owners.get(table)}`).sort(),
    );
  });
});
