import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/commands/run.ts';

describe('run: what "possible" counts', { timeout: 30_000 }, () => {
  it('says possible is over the decisions met and the scenario range over whole paths', async () => {
    const out: string[] = [];
    const io = { out: (l: string) => out.push(...l.split('\n')), err: () => {} };
    await runCommand(['scenarios/hard-stop-blood-pressure.json', '--strategy', 'worst'], io);
    const safety = out.find((l) => l.startsWith('  Safety'))!;
    const m = safety.match(
      /earned (-?\d+) of (-?\d+) possible at the decisions met \(lowest -?\d+\); scenario range over whole paths (-?\d+)\.\.(-?\d+)$/,
    );
    expect(m, safety).not.toBeNull();
    // The worst path meets detours the best path never does, each with a best option of its
    // own, so its possible exceeds the highest any whole path can earn.
    expect(Number(m![2])).toBeGreaterThan(Number(m![4]));
  });
});
