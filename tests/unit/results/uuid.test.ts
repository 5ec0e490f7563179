import { describe, expect, it } from 'vitest';
import { KAP_NAMESPACE, uuidV5 } from '../../../src/engine/results/uuid';

const DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const URL_NS = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches published version-5 UUIDs', () => {
    expect(uuidV5('www.example.com', DNS)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('python.org', DNS)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('http://example.com/', URL_NS)).toBe('0a300ee9-f9e4-5697-a51a-efc7fafaba67');
  });

  it('is stable for the same name and differs for another', () => {
    const a = uuidV5('attempt-1/decision-3', KAP_NAMESPACE);
    expect(uuidV5('attempt-1/decision-3', KAP_NAMESPACE)).toBe(a);
    expect(uuidV5('attempt-1/decision-4', KAP_NAMESPACE)).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('hashes names longer than one block and non-ASCII text', () => {
    const long = 'x'.repeat(1000);
    expect(uuidV5(long, KAP_NAMESPACE)).not.toBe(uuidV5(long + 'y', KAP_NAMESPACE));
    expect(uuidV5('Zoë — café', KAP_NAMESPACE)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
