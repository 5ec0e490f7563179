/**
 * Session engine benchmark: prints figures, asserts nothing.
 *   npx tsx --expose-gc bench/engine.bench.ts
 * - events per second through the machine (pure transitions, choices and clock)
 * - replay time of a 500-event log (target < 50 ms)
 * - choice → next view on a 2,000-step scenario
 * - memory growth over a two-hour simulated session, one vitals sample per minute (target < 5 MB)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { validate } from '../src/engine/format/validate.ts';
import type { ScenarioV1 } from '../src/engine/format/schema.ts';
import { playHeadless } from '../src/engine/session/headless.ts';
import { initialSnapshot, replay, step } from '../src/engine/session/session.ts';
import { viewSession } from '../src/engine/session/view.ts';
import type { SessionEvent } from '../src/engine/session/types.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const load = (file: string): ScenarioV1 => {
  const result = validate(readFileSync(`${root}${file}`, 'utf8'));
  if (!result.scenario) throw new Error(`${file} is not valid`);
  return result.scenario;
};
const fixture = load('tests/fixtures/engine/protocol-gates.json');
const gc = (globalThis as { gc?: () => void }).gc;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

// 1. Events per second: replay the best run's log many times.
{
  const log = playHeadless(fixture, { seed: 1, mode: 'assessment', strategy: 'best' }).attempt;
  const rounds = 200;
  const t0 = performance.now();
  for (let i = 0; i < rounds; i++) replay(fixture, log);
  const ms = performance.now() - t0;
  console.log(
    `events/second through the machine: ${Math.round((rounds * log.events.length) / (ms / 1000))} (${log.events.length}-event log × ${rounds})`,
  );
}

// 2. Replay of a 500-event log: a practice session with many vitals checks, settings and clock ticks.
{
  const events: SessionEvent[] = [{ type: 'session.begin' }];
  for (const id of ['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-music'])
    events.push({ type: 'trainee.choose', optionId: id });
  while (events.length < 500) {
    events.push({ type: 'clock.advance', minutes: 1 });
    events.push({ type: 'trainee.act', action: 'checkVitals' });
    events.push({
      type: 'trainee.setting',
      setting: 'lights',
      value: events.length % 4 ? 'dim' : 'bright',
    });
  }
  events.length = 500;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    replay(fixture, { seed: 1, mode: 'practice', events });
    times.push(performance.now() - t0);
  }
  console.log(`replay of a 500-event log: median ${median(times).toFixed(1)} ms (target < 50 ms)`);
}

// 3. Choice → next view on a 2,000-step scenario (a long linear preparation phase).
{
  const big: ScenarioV1 = structuredClone(fixture);
  const prep = big.phases[0]!;
  const steps = [];
  for (let i = 0; i < 2000; i++) {
    steps.push({
      id: `s${i}`,
      speaker: 'patient' as const,
      text: `Step ${i}`,
      options: [
        {
          id: `s${i}-a`,
          kind: 'response' as const,
          text: 'Go on.',
          points: { alliance: 1 },
          ...(i < 1999 ? { next: `s${i + 1}` } : { next: 'prep-welcome' }),
        },
        {
          id: `s${i}-b`,
          kind: 'response' as const,
          text: 'Stop.',
          points: { alliance: -1 },
          ...(i < 1999 ? { next: `s${i + 1}` } : { next: 'prep-welcome' }),
        },
      ],
    });
  }
  prep.steps = [...steps, ...prep.steps];
  prep.start = 's0';
  let s = step(initialSnapshot(big, { seed: 1, mode: 'assessment' }), { type: 'session.begin' });
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    s = step(s, { type: 'trainee.choose', optionId: `s${i}-${i % 3 ? 'a' : 'b'}` });
    viewSession(s);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `2,000-step scenario, choice → next view: median ${median(times).toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(3)} ms`,
  );
}

// 4. Memory over a two-hour simulated session (sessionMinutes raised to 120 minutes of ticks).
{
  const long: ScenarioV1 = structuredClone(fixture);
  long.protocol.sessionMinutes = 120;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let s = initialSnapshot(long, { seed: 1, mode: 'assessment' });
  for (const e of [
    { type: 'session.begin' },
    ...['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-music'].map((optionId) => ({
      type: 'trainee.choose',
      optionId,
    })),
  ] as SessionEvent[])
    s = step(s, e);
  for (let m = 0; m < 120; m++) {
    s = step(s, { type: 'clock.advance', minutes: 1 });
    viewSession(s);
  }
  gc?.();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `memory growth over 120 simulated minutes: ${((after - before) / 1024 / 1024).toFixed(2)} MB (target < 5 MB; ${viewSession(s).vitalsHistory.length} vitals samples kept)${gc ? '' : ' — run with --expose-gc for a steadier figure'}`,
  );
}
