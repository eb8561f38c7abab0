import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The folders under src must form layers: a cycle between two folders means neither can be
// understood, tested or replaced without the other, and a second channel would be edits across
// the tree instead of an added folder (issue 12).

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// Every module specifier: static imports and re-exports (type-only ones too, since a type
// import is still a dependency on the folder that owns the type), side-effect imports and
// dynamic import().
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function relativeSpecifiers(source: string): string[] {
  return [...source.matchAll(specifierPattern)].map((match) => match[1]!).filter((spec) => spec.startsWith('.'));
}

/** The top-level folder under src holding a file, or undefined for the composition root (src/*.ts). */
function topFolder(file: string): string | undefined {
  const parts = relative(srcRoot, file).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

interface ImportEdge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

function importEdges(): ImportEdge[] {
  return sourceFiles(srcRoot).flatMap((file) => {
    const from = topFolder(file);
    if (from === undefined) return [];
    return relativeSpecifiers(readFileSync(file, 'utf8')).flatMap((specifier) => {
      const target = resolve(dirname(file), specifier);
      if (!target.startsWith(srcRoot + sep)) return [];
      const to = topFolder(target);
      if (to === undefined) return [{ from, to: '(src root)', file: relative(srcRoot, file), specifier }];
      return to === from ? [] : [{ from, to, file: relative(srcRoot, file), specifier }];
    });
  });
}

function folderGraph(edges: ImportEdge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const edge of edges) {
    const targets = graph.get(edge.from) ?? new Set<string>();
    targets.add(edge.to);
    graph.set(edge.from, targets);
  }
  return graph;
}

/** One cycle per back edge met in a depth-first walk, each as the folders along it. */
function findCycles(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (folder: string): void => {
    path.push(folder);
    for (const next of [...(graph.get(folder) ?? [])].sort()) {
      const onPath = path.indexOf(next);
      if (onPath >= 0) cycles.push([...path.slice(onPath), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    done.add(folder);
  };
  for (const folder of [...graph.keys()].sort()) if (!done.has(folder)) visit(folder);
  return cycles;
}

function describeCycle(cycle: string[], edges: ImportEdge[]): string {
  const steps = cycle.slice(1).map((to, index) => {
    const from = cycle[index]!;
    const example = edges.find((edge) => edge.from === from && edge.to === to)!;
    return `  ${from} → ${to} (src/${example.file} imports '${example.specifier}')`;
  });
  return `${cycle.join(' → ')}\n${steps.join('\n')}`;
}

describe('folders under src', () => {
  const edges = importEdges();

  it('import each other without a cycle', () => {
    const cycles = findCycles(folderGraph(edges));
    expect(cycles.map((cycle) => describeCycle(cycle, edges)).join('\n\n')).toBe('');
  });

  it('leave src/core importing nothing outside src/core', () => {
    const outside = edges.filter((edge) => edge.from === 'core').map((edge) => `src/${edge.file} → ${edge.specifier}`);
    expect(outside).toEqual([]);
  });

  it('are all seen by this test (the import reader finds imports)', () => {
    // Without this, a pattern that stopped matching would make both tests above pass vacuously.
    const graph = folderGraph(edges);
    expect(graph.get('admin')?.has('db')).toBe(true);
    expect(graph.get('jobs')?.has('core')).toBe(true);
  });
});
