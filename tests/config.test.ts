// Configuration: validated at once, safe defaults, and .env.example lists exactly what config.ts reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('runs with nothing set: loopback, port 3978, ./data, Asia/Shanghai', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3978, dataDir: './data', defaultTimeZone: 'Asia/Shanghai', authenticated: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DEFAULT_TIME_ZONE: 'Mars/Olympus', DEFAULT_CURRENCY: 'yuan' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DEFAULT_TIME_ZONE/);
      expect(problems).toMatch(/DEFAULT_CURRENCY/);
    }
  });

  it('refuses to listen beyond loopback without authentication unless the development flag is set', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/ALLOW_UNAUTHENTICATED_REMOTE/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_REMOTE: 'true' }).host).toBe('0.0.0.0');
    expect(loadConfig({ MicrosoftAppId: 'app' }).host).toBe('0.0.0.0');
  });

  it('has .env.example list exactly the variables config.ts reads', () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const listed = [...example.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...new Set(listed)].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });
});
