import { describe, expect, it } from 'vitest';
import { scormTime } from '../../../src/results/scorm.ts';
import {
  basicAuth,
  normaliseActor,
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
      credentials: null,
    });
    expect(normaliseEndpoint('lrs.example.org')).toMatchObject({ ok: false });
    expect(normaliseEndpoint('ftp://lrs.example.org/')).toMatchObject({ ok: false });
  });

  it('refuses plain http:// (except on this computer), with the message saying so', () => {
    const refused = normaliseEndpoint('http://lrs.example.org/xapi/');
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('https://') });
    for (const local of ['http://localhost:8080/xapi', 'http://127.0.0.1/xapi/', 'http://[::1]/x'])
      expect(normaliseEndpoint(local)).toMatchObject({ ok: true });
  });

  it('takes credentials out of the endpoint, so they are never displayed with it', () => {
    const e = normaliseEndpoint('https://user:pa%24%24word@lrs.example.org/xapi');
    expect(e).toEqual({
      ok: true,
      endpoint: 'https://lrs.example.org/xapi/',
      credentials: { user: 'user', password: 'pa$$word' },
    });
  });

  it('normalises the actor forms xAPI allows and refuses the rest with a reason', () => {
    expect(normaliseActor({ mbox: 'trainee@example.org', name: 'T' })).toEqual({
      ok: true,
      actor: { name: 'T', mbox: 'mailto:trainee@example.org' },
    });
    expect(normaliseActor({ mbox: ['mailto:t@example.org'], name: ['T'] })).toEqual({
      ok: true,
      actor: { name: 'T', mbox: 'mailto:t@example.org' },
    });
    expect(
      normaliseActor({
        account: [{ accountServiceHomePage: 'https://lms.example.org', accountName: 'u42' }],
      }),
    ).toEqual({
      ok: true,
      actor: { account: { homePage: 'https://lms.example.org', name: 'u42' } },
    });
    expect(normaliseActor({ mbox: 'not an address' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('is not an e-mail address'),
    });
    expect(normaliseActor({ account: { homePage: 'lms', name: 'u42' } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('homePage'),
    });
    expect(normaliseActor({ openid: 'https://id.example.org/u' })).toMatchObject({ ok: false });
    expect(normaliseActor('trainee')).toMatchObject({ ok: false });
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
