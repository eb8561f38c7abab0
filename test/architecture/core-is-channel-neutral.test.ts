import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// src/core builds messages as data every channel renders (issue 12): a Telegram keyboard, markup
// or length limit there would make each new channel undo Telegram's choices. The pattern is the
// issue's own check (`grep -rE … src/core`); 'Telegram' in Vietnamese text is the product's word
// and is not matched.

const srcRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const coreRoot = join(srcRoot, 'core');
const TELEGRAM_TERMS = /inline_keyboard|reply_markup|callback_data|parse_mode|TELEGRAM/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

describe('src/core', () => {
  const sources = files(coreRoot).filter((f) => /\.tsx?$/.test(f));

  it('names no Telegram keyboard, markup or limit', () => {
    const hits = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          TELEGRAM_TERMS.test(line) ? [`src/${relative(srcRoot, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(hits).toEqual([]);
  });

  it('is all read by this test', () => {
    // Without this, a wrong folder would make the test above pass on nothing.
    expect(sources.map((f) => relative(coreRoot, f))).toEqual(
      expect.arrayContaining(['reminder-text.ts', 'digest-text.ts', 'outbound-message.ts', 'report-flow/machine.ts']),
    );
  });
});
