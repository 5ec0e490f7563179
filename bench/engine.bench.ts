/**
 * Session engine benchmark: prints figures; asserts only that each run did what it says it
 * measures (a run that stops early throws instead of printing a flattering figure).
 *   node --expose-gc --import tsx bench/engine.bench.ts
 * 1. Choice → next view on the generated 2,000-step scenario (bench/generate-scenario.ts), its
 *    best path played through a session actor of the plain machine (no sound cues, no saving),
 *    side by side with inkjs playing the same shape as an ink story (bench/generate-ink.ts), in
 *    this process: five timed passes of each, alternating, pooled; median and p95 over all
 *    choices and per phase, and the last phase against the first (a view must not cost more as
 *    the session grows).
 * 2. Events per second: replaying that best run's whole log through the machine.
 * 3. Replay growth: practice logs of 1,000, 2,000 and 4,000 events, every event accepted (the
 *    time ratio per doubling, in wall and in CPU time; 2 is linear, 4 quadratic), and a
 *    50,000-event log, stopped after 20 s if it has not finished (then the number of events
 *    replayed by then is printed), with the time of each 10,000 events (the last against the
 *    first: 1 is linear).
 * 4. Resuming a saved attempt of 1,000, 1,049 (49 events after its checkpoint, the most there can
 *    be) and 2,000 events as the player does: parseAttempt (JSON.parse and the checks, the
 *    scenario's among them), then replayFromCheckpoint (the log's digest checked against the
 *    checkpoint's, the state restored, the events after it replayed); the median, the CPU time,
 *    each stage's median, and the growth for ×2 events; for comparison, without a checkpoint, and
 *    restoreAttempt (which also scores the attempt, as the results screens do).
 * 5. Replay of a 500-event practice log (target < 50 ms).
 * 6. Memory growth over a two-hour simulated session, one vitals sample a minute (target < 5 MB).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Compiler, Story } from 'inkjs/full';
import {
  checkpointHolds,
  replayAfterCheckpoint,
  replayFromCheckpoint,
  startAtCheckpoint,
  withCheckpoint,
} from '../src/engine/attempt/checkpoint.ts';
import {
  checkAttempt,
  parseAttempt,
  restoreAttempt,
  serializeAttempt,
} from '../src/engine/attempt/parse.ts';
import { hashScenario } from '../src/engine/format/hash.ts';
import type { Attempt } from '../src/engine/attempt/types.ts';
import { PHASE_IDS, type ScenarioV1 } from '../src/engine/format/schema.ts';
import { validate } from '../src/engine/format/validate.ts';
import { playHeadless } from '../src/engine/play/headless.ts';
import { NIBP_CYCLE_MINUTES } from '../src/engine/session/nibp.ts';
import {
  createSession,
  initialSnapshot,
  replay,
  step,
  type SessionSnapshot,
} from '../src/engine/session/session.ts';
import type { SessionEvent } from '../src/engine/session/types.ts';
import { viewSession } from '../src/engine/session/view.ts';
import { generateInk } from './generate-ink.ts';
import { generateScenario } from './generate-scenario.ts';

const STEPS = 2000;
const root = fileURLToPath(new URL('../', import.meta.url));
const valid = (text: string, what: string): ScenarioV1 => {
  const result = validate(text);
  if (!result.scenario) throw new Error(`${what} is not a valid scenario`);
  return result.scenario;
};
const fixture = valid(
  readFileSync(`${root}tests/fixtures/engine/protocol-gates.json`, 'utf8'),
  'the engine fixture',
);
const gc = (globalThis as { gc?: () => void }).gc;
const inkVersion = (
  JSON.parse(readFileSync(`${root}node_modules/inkjs/package.json`, 'utf8')) as { version: string }
).version;

/** Stops the bench when a run did not do what its figure claims. */
function check(condition: boolean, claim: string): void {
  if (!condition) throw new Error(`bench run did not do what it claims: ${claim}`);
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => {
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(3)} ms`;
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

// The generated scenario and its best run: every phase, from consent to discharge.
const big = valid(JSON.stringify(generateScenario(STEPS)), 'the generated scenario');
const bestRun = playHeadless(big, { seed: 1, mode: 'assessment', strategy: 'best' });
check(bestRun.ok && bestRun.report.ending?.id === 'done', 'the best run reaches its ending');
const bestLog = bestRun.attempt.events;
const choices = bestLog.filter((e) => e.type === 'trainee.choose').length;
check(choices === STEPS, `the best run makes one choice per step (${choices} of ${STEPS})`);

// 1. Choice → next view, ours and inkjs's, per phase.
{
  type Times = Map<string, number[]>;
  const add = (into: Times, phase: string, t: number) =>
    into.set(phase, [...(into.get(phase) ?? []), t]);

  const playOurs = (): Times => {
    const times: Times = new Map();
    const actor = createSession(big, { seed: 1, mode: 'assessment' });
    for (const event of bestLog) {
      if (event.type !== 'trainee.choose') {
        actor.send(event);
        continue;
      }
      const phase = actor.getSnapshot().context.phase ?? '-';
      const t0 = performance.now();
      actor.send(event);
      const view = viewSession(actor.getSnapshot());
      add(times, phase, performance.now() - t0);
      check(view.status !== 'briefing', 'every choice is played in a running session');
    }
    check(viewSession(actor.getSnapshot()).status === 'debrief', 'our run reaches the debrief');
    actor.stop();
    return times;
  };

  const story = new Compiler(generateInk(STEPS)).Compile();
  const inkJson = story.ToJson()!;
  const perPhase = Math.ceil(STEPS / PHASE_IDS.length);
  const playInk = (): Times => {
    const times: Times = new Map();
    const s = new Story(inkJson);
    s.ContinueMaximally();
    let n = 0;
    while (s.currentChoices.length > 0) {
      const phase = PHASE_IDS[Math.floor(n / perPhase)]!;
      const t0 = performance.now();
      s.ChooseChoiceIndex(0);
      const text = s.ContinueMaximally();
      const next = s.currentChoices.map((c) => c.text);
      add(times, phase, performance.now() - t0);
      const last = n === STEPS - 1;
      check(last || (text.length > 0 && next.length === 2), 'ink shows each next knot');
      n++;
    }
    check(n === STEPS && !s.canContinue, `inkjs plays ${STEPS} choices to the end (${n})`);
    return times;
  };

  // Each engine plays the whole path once to warm up, then PASSES times, alternating so that
  // both meet the same load; every choice's time of every pass is pooled.
  const PASSES = 5;
  playOurs();
  playInk();
  const ours: Times = new Map();
  const ink: Times = new Map();
  const pool = (into: Times, from: Times) => {
    for (const [phase, ts] of from) into.set(phase, [...(into.get(phase) ?? []), ...ts]);
  };
  // Each timed pass starts after a full collection (with --expose-gc), so that neither engine
  // pays for the garbage of the pass before it.
  for (let i = 0; i < PASSES; i++) {
    gc?.();
    pool(ours, playOurs());
    gc?.();
    pool(ink, playInk());
  }
  for (const phase of PHASE_IDS)
    check(
      ours.get(phase)?.length === ink.get(phase)?.length,
      `both engines time the same number of choices in ${phase}`,
    );
  const all = (t: Times) => [...t.values()].flat();
  const line = (label: string, a: number[], b: number[]) =>
    `  ${label.padEnd(20)} median ${ms(median(a))} vs ${ms(median(b))}, p95 ${ms(quantile(a, 0.95))} vs ${ms(quantile(b, 0.95))}`;
  console.log(
    `choice → next view (send the choice, then viewSession; inkjs: ChooseChoiceIndex, ContinueMaximally, the next choices' texts), ${STEPS}-step scenario, best path (${choices} choices, ${perPhase} a phase), ${PASSES} passes pooled, this engine vs inkjs ${inkVersion}:`,
  );
  console.log(line('all phases', all(ours), all(ink)));
  for (const phase of PHASE_IDS)
    console.log(line(phase, ours.get(phase) ?? [], ink.get(phase) ?? []));
  const firstPhase = ours.get(PHASE_IDS[0])!;
  const lastPhase = ours.get(PHASE_IDS[PHASE_IDS.length - 1]!)!;
  const lastInk = ink.get(PHASE_IDS[PHASE_IDS.length - 1]!)!;
  const ratio = (q: number) => (quantile(lastPhase, q) / quantile(firstPhase, q)).toFixed(2);
  console.log(
    `  this engine, last phase / first phase: median ${ratio(0.5)}×, p95 ${ratio(0.95)}× (1 = no decay); vs inkjs, all phases: median ${(median(all(ours)) / median(all(ink))).toFixed(2)}×, p95 ${(quantile(all(ours), 0.95) / quantile(all(ink), 0.95)).toFixed(2)}×; last phase p95 ${(quantile(lastPhase, 0.95) / quantile(lastInk, 0.95)).toFixed(2)}× inkjs's`,
  );
}

// 2. Events per second: the best run's whole log replayed through the machine.
{
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    let end = initialSnapshot(big, { seed: 1, mode: 'assessment' });
    runs.push(time(() => (end = replay(big, bestRun.attempt))));
    check(end.context.log.length === bestLog.length, 'the replay processes every event');
    check(viewSession(end).status === 'debrief', 'the replay reaches the debrief');
  }
  const t = median(runs);
  console.log(
    `events per second through the machine: ${Math.round(bestLog.length / (t / 1000))} (replay of the ${STEPS}-step best run, ${bestLog.length} events, all phases, in ${t.toFixed(0)} ms; median of 3)`,
  );
}

/**
 * A practice log of `n` events: to the dose, then one-minute ticks, vitals checks and lights. A
 * vitals check runs the cuff for NIBP_CYCLE_MINUTES, so each tick, check and light takes
 * 1 + NIBP_CYCLE_MINUTES minutes.
 */
function practiceLog(n: number): SessionEvent[] {
  const events: SessionEvent[] = [{ type: 'session.begin' }];
  for (const id of ['prep-consent', 'prep-screening', 'adm-check', 'adm-give', 'adm-music'])
    events.push({ type: 'trainee.choose', optionId: id });
  while (events.length < n) {
    events.push({ type: 'clock.advance', minutes: 1 });
    events.push({ type: 'trainee.act', action: 'checkVitals' });
    events.push({
      type: 'trainee.setting',
      setting: 'lights',
      value: events.length % 4 ? 'dim' : 'bright',
    });
  }
  events.length = n;
  return events;
}
/** The fixture with a session long enough that every event of an `n`-event log is accepted. */
function longFixture(n: number): ScenarioV1 {
  const long = structuredClone(fixture);
  long.protocol.sessionMinutes = Math.ceil((n / 3) * (1 + NIBP_CYCLE_MINUTES)) + 10;
  return long;
}
/** Whether the session accepted every event of its log (none refused, e.g. past the last minute). */
const allAccepted = (s: SessionSnapshot) => !s.context.log.some((entry) => !entry.accepted);
/** The process's CPU time in ms (user and system, all threads: garbage collection included). */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** Replays an `n`-event practice log `runs` times: the median wall time, and the median CPU time. */
function timeReplay(n: number, runs: number): number {
  return timeReplayBoth(n, runs).wall;
}
function timeReplayBoth(n: number, runs: number): { wall: number; cpu: number } {
  const scenario = longFixture(n);
  const events = practiceLog(n);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    let end = initialSnapshot(scenario, { seed: 1, mode: 'practice' });
    const cpu0 = cpuNow();
    walls.push(time(() => (end = replay(scenario, { seed: 1, mode: 'practice', events }))));
    cpus.push(cpuNow() - cpu0);
    check(end.context.log.length === n, `the replay processes all ${n} events`);
    check(allAccepted(end), `the session accepts all ${n} events (none refused)`);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

// 3. Replay growth, and 50,000 events.
{
  timeReplay(500, 3); // warm-up
  const sizes = [1000, 2000, 4000];
  const r = sizes.map((n) => timeReplayBoth(n, 5));
  const growth = (k: 'wall' | 'cpu') =>
    `×${(r[1]![k] / r[0]![k]).toFixed(2)}, ×${(r[2]![k] / r[1]![k]).toFixed(2)}`;
  console.log(
    `replay growth (median of 5): ${sizes.map((n, i) => `${n.toLocaleString('en')} events ${r[i]!.wall.toFixed(0)} ms`).join(', ')}; ×2 events → ${growth('wall')}; in CPU time ${r.map((x) => x.cpu.toFixed(0)).join(' → ')} ms, ${growth('cpu')} (2 = linear)`,
  );
  // 50,000 events through an actor, as replay() does, stopped after LIMIT_MS if not done.
  const LIMIT_MS = 20_000;
  const n = 50_000;
  const scenario = longFixture(n);
  const events = practiceLog(n);
  const actor = createSession(scenario, { seed: 1, mode: 'practice' });
  const CHUNK = 10_000;
  const chunks: number[] = [];
  const cpu0 = cpuNow();
  const t0 = performance.now();
  let tChunk = t0;
  let sent = 0;
  while (sent < n && (sent % 500 !== 0 || performance.now() - t0 < LIMIT_MS)) {
    actor.send(events[sent++]!);
    if (sent % CHUNK === 0) {
      const t = performance.now();
      chunks.push(t - tChunk);
      tChunk = t;
    }
  }
  const elapsed = performance.now() - t0;
  const cpuMs = cpuNow() - cpu0;
  check(actor.getSnapshot().context.log.length === sent, 'every event sent is processed');
  check(allAccepted(actor.getSnapshot()), 'the session accepts every event sent (none refused)');
  actor.stop();
  console.log(
    sent === n
      ? `replay of 50,000 events through one actor: ${elapsed.toFixed(0)} ms, ${((elapsed / n) * 1000).toFixed(1)} µs an event (target < 1 s; the process's CPU time ${cpuMs.toFixed(0)} ms, garbage collection included, less sensitive to the machine's load than wall time); each 10,000 events ${chunks.map((t) => t.toFixed(0)).join(', ')} ms: the last 10,000 cost ×${(chunks.at(-1)! / chunks[0]!).toFixed(2)} the first (1 = linear)`
      : `replay of 50,000 events: stopped after ${(elapsed / 1000).toFixed(0)} s with ${sent.toLocaleString('en')} events replayed (target < 1 s)`,
  );
}

// 4. Resuming a saved attempt (the 2,000-step best run, saved as the engine saves it: withCheckpoint
//    after every event) as the player does: parseAttempt (JSON.parse, then checkAttempt: version,
//    scenario fingerprint, seed, mode, every event's shape), then replayFromCheckpoint
//    (checkpointHolds: the digest of the log's first `at` events against the checkpoint's;
//    startAtCheckpoint: the context rebuilt and an actor started in the saved state;
//    replayAfterCheckpoint: the events after it). Timed whole, and stage by stage in separate runs
//    doing the same calls, alternating under the same load.
{
  const saveAfter = (n: number): Attempt => {
    const events = bestLog.slice(0, n);
    const actor = createSession(big, { seed: 1, mode: 'assessment' });
    let saved: Attempt = { ...bestRun.attempt, events: [] };
    for (let i = 0; i < events.length; i++) {
      actor.send(events[i]!);
      saved = withCheckpoint(
        { ...bestRun.attempt, events: events.slice(0, i + 1) },
        actor.getSnapshot(),
        saved.checkpoint,
      );
    }
    actor.stop();
    check(checkpointHolds(saved), 'the saved attempt carries a checkpoint that holds');
    return saved;
  };
  const RUNS = 41;
  const stageNames = ['parse', 'checks', 'digest', 'restore', 'replay'] as const;
  type Stages = Record<(typeof stageNames)[number], number>;
  /** The stages of one resume, each timed: the calls parseAttempt and replayFromCheckpoint make. */
  const staged = (text: string): { stages: Stages; snapshot: SessionSnapshot } => {
    const t0 = performance.now();
    const value: unknown = JSON.parse(text);
    const t1 = performance.now();
    const checked = checkAttempt(value, big);
    const t2 = performance.now();
    if (!checked.ok) throw new Error('bench run did not do what it claims: the save parses');
    const holds = checkpointHolds(checked.attempt);
    const t3 = performance.now();
    const actor = holds ? startAtCheckpoint(big, checked.attempt) : null;
    const t4 = performance.now();
    check(actor !== null, 'the resume starts from the checkpoint (it holds and can be read)');
    const snapshot = replayAfterCheckpoint(actor!, checked.attempt);
    const t5 = performance.now();
    const stages = {
      parse: t1 - t0,
      checks: t2 - t1,
      digest: t3 - t2,
      restore: t4 - t3,
      replay: t5 - t4,
    };
    return { stages, snapshot };
  };
  /**
   * One resume as the player's loader does it (src/ui/loader.ts: parseAttempt, then
   * replayFromCheckpoint to see whether the attempt is finished); the session screen it opens
   * then restores the attempt again with replayFromCheckpoint.
   */
  const whole = (text: string, how: 'resume' | 'restoreAttempt' = 'resume') => {
    const parsed = parseAttempt(text, big);
    if (!parsed.ok) throw new Error('bench run did not do what it claims: the save parses');
    return how === 'resume'
      ? replayFromCheckpoint(big, parsed.attempt)
      : restoreAttempt(big, parsed.attempt).snapshot;
  };
  /**
   * RUNS timed resumes of each save (after one warm-up round), the saves in turn in every round
   * so that each meets the same load, each resumed whole and then staged: per save, the median
   * whole time, the median of the process's CPU time per whole resume, and each stage's median.
   */
  const measure = (saves: Attempt[]) => {
    const cases = saves.map((saved) => {
      const n = saved.events.length;
      const text = serializeAttempt(saved);
      // What the figure claims, checked once outside the timing: the restore starts from the
      // checkpoint, reaches every event, and is the state a replay of the whole log reaches.
      const full = replay(big, saved);
      const resumed = whole(text);
      check(resumed.context.log.length === n, `the resume reaches all ${n} events`);
      check(
        JSON.stringify(resumed.context) === JSON.stringify(full.context) &&
          JSON.stringify(resumed.value) === JSON.stringify(full.value),
        'the resumed state is the state a replay of the whole log reaches',
      );
      check(
        JSON.stringify(staged(text).snapshot.context) === JSON.stringify(full.context),
        'the staged resume reaches the same state',
      );
      const runs = { wall: [] as number[], cpu: [] as number[], stages: [] as Stages[] };
      return { saved, n, text, phase: resumed.context.phase, runs };
    });
    gc?.();
    for (let i = 0; i <= RUNS; i++) {
      for (const { n, text, runs } of cases) {
        const c0 = cpuNow();
        const t0 = performance.now();
        const snapshot = whole(text);
        const t = performance.now() - t0;
        const c = cpuNow() - c0;
        check(snapshot.context.log.length === n, `the resume reaches all ${n} events`);
        const s = staged(text).stages;
        if (i === 0) continue;
        runs.wall.push(t);
        runs.cpu.push(c);
        runs.stages.push(s);
      }
    }
    return cases.map(({ saved, n, text, phase, runs }) => ({
      n,
      at: saved.checkpoint!.at,
      kb: text.length / 1024,
      checkpointKb: JSON.stringify(saved.checkpoint).length / 1024,
      ms: median(runs.wall),
      cpuMs: median(runs.cpu),
      stage: Object.fromEntries(
        stageNames.map((k) => [k, median(runs.stages.map((x) => x[k]))]),
      ) as Stages,
      phase,
    }));
  };
  type Measured = ReturnType<typeof measure>[number];
  const load = () => loadavg()[0]!.toFixed(1);
  const stagesText = (r: Measured) =>
    `parse (JSON.parse) ${r.stage.parse.toFixed(2)}, checks (version, scenario fingerprint as cached, events' shapes) ${r.stage.checks.toFixed(2)}, digest of the log against the checkpoint ${r.stage.digest.toFixed(2)}, restore (context rebuilt, actor started) ${r.stage.restore.toFixed(2)}, replay of the ${r.n - r.at} events after it ${r.stage.replay.toFixed(2)} ms`;
  const line = (r: Measured) =>
    `${r.n.toLocaleString('en')} events (${r.kb.toFixed(0)} KB saved, the checkpoint ${r.checkpointKb.toFixed(0)} KB, at event ${r.at.toLocaleString('en')}; it stops in ${r.phase}): median of ${RUNS} ${r.ms.toFixed(2)} ms, in the process's CPU time ${r.cpuMs.toFixed(2)} ms (all threads, garbage collection included), load ${load()}\n    stage medians: ${stagesText(r)}`;
  const [r1000, r1049, r2000] = measure([saveAfter(1000), saveAfter(1049), saveAfter(2000)]) as [
    Measured,
    Measured,
    Measured,
  ];
  check(r1000.at === 1000 && r1049.at === 1000 && r2000.at === 2000, 'checkpoints sit where said');
  console.log(
    `resume a saved attempt as the player's loader does (parseAttempt, then replayFromCheckpoint; the session it then opens calls replayFromCheckpoint once more; target < 5 ms for 1,000 events):`,
  );
  console.log(`  ${line(r1000)}`);
  console.log(`  ${line(r1049)}`);
  console.log(`  ${line(r2000)}`);
  console.log(
    `  growth: ×${(r2000.ms / r1000.ms).toFixed(2)} in wall time and ×${(r2000.cpuMs / r1000.cpuMs).toFixed(2)} in CPU time for ×2 events (2 is linear)`,
  );
  // The scenario check compares the save's fingerprint with the scenario's, computed on the first
  // check against a scenario object and then cached (hashScenario): the player's first resume of
  // a scenario it has just opened pays it once. Timed here on a fresh copy of the scenario.
  const copy = structuredClone(big);
  const h0 = performance.now();
  hashScenario(copy);
  const hashMs = performance.now() - h0;
  const at1000 = saveAfter(1000);
  const { checkpoint: _dropped, ...bare } = at1000;
  const text1000 = serializeAttempt(at1000);
  const bareText = serializeAttempt(bare);
  const compare = (fn: () => SessionSnapshot) => {
    fn();
    const runs: number[] = [];
    for (let i = 0; i < 11; i++)
      runs.push(
        time(() => check(fn().context.log.length === 1000, 'the restore reaches all 1000 events')),
      );
    return median(runs);
  };
  console.log(
    `  for comparison (1,000 events, median of 11): without a checkpoint (the whole log replayed) ${compare(() => whole(bareText)).toFixed(1)} ms; restoreAttempt from the checkpoint, which also scores the attempt, ${compare(() => whole(text1000, 'restoreAttempt')).toFixed(1)} ms; not in the figures above: the scenario's fingerprint, computed on the first check against a scenario opened and then cached, ${hashMs.toFixed(1)} ms for this ${(JSON.stringify(big).length / 1024).toFixed(0)} KB scenario`,
  );
}

// 5. Replay of a 500-event practice log.
{
  const t = timeReplay(500, 30);
  console.log(`replay of a 500-event practice log: median ${t.toFixed(1)} ms (target < 50 ms)`);
}

// 6. Memory over a two-hour simulated session.
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
  check(s.context.minute === 120, 'the clock reaches minute 120');
  gc?.();
  const after = process.memoryUsage().heapUsed;
  console.log(
    `memory growth over 120 simulated minutes: ${((after - before) / 1024 / 1024).toFixed(2)} MB (target < 5 MB; ${viewSession(s).vitalsHistory.length} vitals samples kept)${gc ? '' : ' — run with --expose-gc for a steadier figure'}`,
  );
}
