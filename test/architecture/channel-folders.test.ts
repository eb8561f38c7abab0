import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A channel is one folder: nothing outside it but the composition root (src/main.ts) may import
// it, so adding, replacing or removing a channel touches that folder and one line in main.ts
// (issue 12, docs/decisions/0090-channels.md). Everything else speaks of channels by name,
// through src/delivery/channel.ts, and of messages through src/core/outbound-message.ts.

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
/** The process's composition roots: the server's and the command line's (it hands the invite command the bot's name lookup). */
const COMPOSITION_ROOTS = ['main.ts', 'cli.ts'];
/** The channel folders, relative to src. */
const CHANNEL_FOLDERS = ['bot/telegram', 'bot/zalo'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

// Static imports, re-exports (type-only too), side-effect imports and dynamic import().
const specifierPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

const inside = (file: string, folder: string) => file.startsWith(join(srcRoot, folder) + sep);

/** Every import of a channel folder from a file outside it, as 'importing file → specifier'. */
function importsOfChannels(): string[] {
  return sourceFiles(srcRoot).flatMap((file) => {
    const rel = relative(srcRoot, file);
    const specifiers = [...readFileSync(file, 'utf8').matchAll(specifierPattern)].map((m) => m[1]!);
    return specifiers.flatMap((specifier) => {
      if (!specifier.startsWith('.')) return [];
      const target = resolve(dirname(file), specifier);
      const folder = CHANNEL_FOLDERS.find((f) => inside(target, f));
      if (folder === undefined || inside(file, folder) || COMPOSITION_ROOTS.includes(rel)) return [];
      return [`${rel} → ${specifier}`];
    });
  });
}

describe('channel folders', () => {
  it('are imported by nothing under src but themselves and main.ts', () => {
    expect(importsOfChannels()).toEqual([]);
  });

  it('the check sees a real import (it is not vacuous)', () => {
    const main = readFileSync(join(srcRoot, 'main.ts'), 'utf8');
    expect(main).toMatch(/from '\.\/bot\/telegram\//);
  });
});
