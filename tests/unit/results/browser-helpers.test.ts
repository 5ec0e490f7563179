import { describe, expect, it } from 'vitest';
import { scormTime } from '../../../src/results/scorm.ts';
import {
  basicAuth,
  normaliseEndpoint,
  settingsProblems,
} from '../../../src/results/lrs-settings.ts';
import { serviceWorkerSource } from '../../../scripts/vite-plugin-offline.ts';

describe('SCORM 1.2 session time', () => {
  it('is written as HHHH:MM:SS.SS', () => {
    expect(scormTime(0)).toBe('0000:00:00.00');
    expect(scormTime(3_723_450)).toBe('0001:02:03.45');
    expect(scormTime(-5)).toBe('0000:00:00.00');
  });
});

describe('LRS settings', () => {
  it('normalises the endpoint to end in a slash, without query or fragment', () => {
    expect(normaliseEndpoint(' https://lrs.example.org/xapi?x=1#y ')).toEqual({
      ok: true,
      endpoint: 'https://lrs.example.org/xapi/',
    });
    expect(normaliseEndpoint('lrs.example.org')).toMatchObject({ ok: false });
    expect(normaliseEndpoint('ftp://lrs.example.org/')).toMatchObject({ ok: false });
  });

  it('builds a Basic authorization header, non-ASCII included', () => {
    expect(basicAuth('key', 'secret')).toBe(
      `Basic ${Buffer.from('key:secret').toString('base64')}`,
    );
    expect(basicAuth('clé', 'sécret')).toBe(
      `Basic ${Buffer.from('clé:sécret').toString('base64')}`,
    );
  });

  it('names each missing setting', () => {
    const problems = settingsProblems({
      endpoint: 'nope',
      key: '',
      secret: '',
      name: '',
      identifier: '',
    });
    expect(problems).toHaveLength(4);
    expect(
      settingsProblems({
        endpoint: 'https://a.example/x/',
        key: 'k',
        secret: 's',
        name: '',
        identifier: 'me@example.org',
      }),
    ).toEqual([]);
  });
});

describe('offline service worker', () => {
  it('precaches the given files and leaves other origins alone', () => {
    const source = serviceWorkerSource(['assets/index-abc.js', 'index.html'], 'v1');
    expect(source).toContain("const CACHE = 'kap-offline-v1';");
    expect(source).toContain('"assets/index-abc.js"');
    expect(source).toContain('url.origin !== self.location.origin');
    expect(() => new Function(source)).not.toThrow();
  });
});
