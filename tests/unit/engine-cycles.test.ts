import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const engine = fileURLToPath(new URL('../../src/engine/', import.meta.url));

/** Every .ts file under src/engine, as a path relative to it. */
function engineFiles(dir = engine): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(path);
    return entry.name.endsWith('.ts') ? [relative(engine, path)] : [];
  });
}

/**
 * The engine files a file imports: import and export declarations and `import('…')` types alike
 * (a type-only import is still a dependency of the design), relative specifiers only.
 */
function importsOf(file: string): string[] {
  const text = readFileSync(join(engine, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      specifiers.push(node.moduleSpecifier.text);
    if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      specifiers.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(engine, resolve(dirname(join(engine, file)), s)))
    .filter((target) => !target.startsWith('..'));
}

/** The cycles of a graph: its strongly connected components of more than one node, or a self-loop. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.has(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

const files = engineFiles();
const fileGraph = new Map(files.map((f) => [f, new Set(importsOf(f))]));
/** A file's module: its folder under src/engine (the entry point index.ts stands above them all). */
const moduleOf = (file: string) => (file.includes('/') ? file.split('/')[0]! : null);
const moduleGraph = new Map<string, Set<string>>();
for (const [file, targets] of fileGraph) {
  const from = moduleOf(file);
  if (from === null) continue;
  if (!moduleGraph.has(from)) moduleGraph.set(from, new Set());
  for (const target of targets) {
    const to = moduleOf(target);
    if (to !== null && to !== from) moduleGraph.get(from)!.add(to);
  }
}

describe('the engine has no import cycles', () => {
  it('finds the engine files and their imports (the check sees what it checks)', () => {
    expect(files).toContain('session/machine.ts');
    expect(fileGraph.get('session/machine.ts')).toContain('session/gates.ts');
    expect(moduleGraph.get('attempt')).toContain('session');
    // A cycle is found when there is one.
    const probe = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(probe)).toEqual([['a', 'b', 'c']]);
  });

  it('no file of src/engine imports itself through other files', () => {
    expect(cycles(fileGraph)).toEqual([]);
  });

  it('no folder of src/engine (session, scoring, attempt, format, …) depends on itself through another', () => {
    expect(cycles(moduleGraph)).toEqual([]);
  });
});
