import { describe, expect, it } from 'vitest';
import { refuseSave } from '../../../scripts/author-save.ts';

const ok = {
  method: 'POST',
  host: 'localhost:5173',
  origin: 'http://localhost:5173',
  contentType: 'application/json',
};

describe('the author loop write endpoint', () => {
  it('accepts a same-origin JSON POST from localhost', () => {
    expect(refuseSave(ok)).toBeNull();
    expect(
      refuseSave({ ...ok, host: '127.0.0.1:5173', origin: 'http://127.0.0.1:5173' }),
    ).toBeNull();
  });
  it('refuses other methods, hosts, origins and bodies', () => {
    expect(refuseSave({ ...ok, method: 'GET' })?.status).toBe(405);
    expect(
      refuseSave({ ...ok, host: 'evil.example:5173', origin: 'http://evil.example:5173' })?.status,
    ).toBe(403);
    expect(refuseSave({ ...ok, origin: 'http://evil.example' })?.status).toBe(403);
    expect(refuseSave({ ...ok, origin: undefined })?.status).toBe(403);
    expect(refuseSave({ ...ok, origin: 'http://localhost:9999' })?.status).toBe(403);
    expect(refuseSave({ ...ok, contentType: 'text/plain' })?.status).toBe(415);
  });
});
