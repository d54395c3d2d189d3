// The dependency rule: the core is pure, and channels/storage never reach into dialogs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('architecture', () => {
  it('keeps src/core free of I/O, frameworks, the clock and the environment', () => {
    for (const file of sources('src/core')) {
      for (const spec of imports(file)) {
        // Besides itself, the core may use only pure text libraries: the recognizers and OpenCC's script conversion.
        const allowed = spec.startsWith('.') || spec.startsWith('@microsoft/recognizers-text') || spec.startsWith('opencc-js');
        expect(allowed, `${file} imports ${spec}`).toBe(true);
        if (spec.startsWith('.')) expect(relative(join(root, 'src/core'), join(root, file, '..', spec)).startsWith('..'), `${file} leaves core via ${spec}`).toBe(false);
      }
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, `${file} reads the clock`).not.toMatch(/new Date\(\)|Date\.now\(\)|Math\.random\(/);
      expect(text, `${file} reads the environment`).not.toMatch(/process\./);
    }
  });

  it('keeps channels, storage and the HTTP layer away from dialogs', () => {
    for (const file of [...sources('src/channels'), ...sources('src/storage'), ...sources('src/http')]) {
      for (const spec of imports(file)) expect(spec.includes('dialogs/'), `${file} imports ${spec}`).toBe(false);
    }
  });

  it('reads process.env only in config.ts', () => {
    for (const file of [...sources('src'), ...sources('dialogs')]) {
      if (file === join('src', 'config.ts')) continue;
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(/process\.env/);
    }
  });
});
