/** `run`'s text report names the standards each decision breached, as the JSON report does. */
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { standardTitle } from '../../../src/engine/standards/catalogue.ts';

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (l) => out.push(...l.split('\n')), err: () => {} });
  return { code, out };
}

describe('kap-scenario run: standards breached', { timeout: 60_000 }, () => {
  it('lists under each breaching decision the ids and titles of the standards it breached', async () => {
    const file = 'scenarios/trd-sublingual-first-session.json';
    const text = await cli('run', file, '--strategy', 'worst');
    const json = await cli('run', file, '--strategy', 'worst', '--json');
    const decisions = JSON.parse(json.out.join('\n')).decisions as {
      index: number;
      standards?: { breaches: string[] };
    }[];
    const breaching = decisions.filter((d) => (d.standards?.breaches ?? []).length > 0);
    expect(breaching.length).toBeGreaterThan(3);
    /** The text lines of decision `index`, up to the next decision. */
    const linesOf = (index: number) => {
      const at = text.out.findIndex((l) => l.startsWith(`  ${String(index + 1).padStart(3)}. [`));
      const end = text.out.findIndex((l, i) => i > at && !l.startsWith('       '));
      return text.out.slice(at, end);
    };
    for (const d of decisions) {
      const line = linesOf(d.index).find((l) => l.startsWith('       breaches: '));
      const breaches = d.standards?.breaches ?? [];
      if (breaches.length === 0) expect(line).toBeUndefined();
      else
        expect(line).toBe(
          `       breaches: ${breaches.map((id) => `${id} (${standardTitle(id)})`).join('; ')}`,
        );
    }
  });
});
