/**
 * `run --vitals [N]` prints the session's own modelled vitals over time, and `run` says when
 * things happened before the dose on the arrival clock (alarms and decisions).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import type { VitalsRow } from '../../../src/cli/vitals-table.ts';
import { playHeadless, validate, type ScenarioV1 } from '../../../src/engine/index.ts';

const path = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const SUBLINGUAL = path('scenarios/trd-sublingual-first-session.json');
const INTEGRATION = path('scenarios/suicidality-course-integration.json');
const PREDOSE_ALARM = path('tests/fixtures/cli/predose-alarm.json');

describe('run --vitals', () => {
  it('gives the engine history every 5 minutes and at each dose and decision, in --json', async () => {
    const { code, out } = await runCli([SUBLINGUAL, '--vitals', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n')) as {
      vitals: VitalsRow[];
      decisions: { minute: number | null; stepId?: string }[];
    };
    const scenario = validate(readFileSync(SUBLINGUAL, 'utf8')).scenario as ScenarioV1;
    const result = playHeadless(scenario, { seed: 1, mode: 'assessment', strategy: 'best' });
    const history = result.view.vitalsHistory.toArray();
    const doseClock = result.snapshot.context.doseClock!;
    const decided = new Set(json.decisions.flatMap((d) => (d.minute === null ? [] : [d.minute])));
    const expected = history.filter((s) => s.minute % 5 === 0 || decided.has(s.minute));
    expect(json.vitals.map((r) => r.doseMinute)).toEqual(expected.map((s) => s.minute));
    for (const [i, r] of json.vitals.entries()) {
      const s = expected[i]!;
      expect(r).toMatchObject({
        arrivalMinute: doseClock + s.minute,
        dissociation: s.dissociation,
        systolic: s.systolic,
        diastolic: s.diastolic,
        heartRate: s.heartRate,
        spo2: s.spo2,
        effectSiteNgPerMl: s.effectSiteNgPerMl,
      });
    }
    // The model acts: the effect-site concentration rises from 0 after the dose.
    expect(json.vitals[0]!.effectSiteNgPerMl).toBe(0);
    expect(Math.max(...json.vitals.map((r) => r.effectSiteNgPerMl ?? 0))).toBeGreaterThan(0);
    const first = json.decisions.find((d) => d.minute !== null)!;
    expect(json.vitals.find((r) => r.doseMinute === first.minute)!.notes).toContain(
      `step ${first.stepId}`,
    );
  });

  it('prints a table every N minutes; without --vitals, no table and no vitals in --json', async () => {
    const { out } = await runCli([SUBLINGUAL, '--vitals', '10']);
    const head = out.findIndex((l) => l.startsWith('Vitals (every 10 min'));
    expect(head).toBeGreaterThan(0);
    expect(out[head + 1]).toMatch(/arrival +dose +dissoc +BP \(modelled\) +HR +SpO2 +Ce ng\/mL/);
    expect(out[head + 2]).toMatch(/^ +\d+ +0 +0 +\d+\/\d+ +\d+ +\d+ +0\.0 +Lozenge/);
    const plain = await runCli([SUBLINGUAL]);
    expect(plain.out.some((l) => l.startsWith('Vitals'))).toBe(false);
    const json = JSON.parse((await runCli([SUBLINGUAL, '--json'])).out.join('\n')) as object;
    expect('vitals' in json).toBe(false);
  });

  it('lists the cuff readings taken before the dose, for a visit that never doses', async () => {
    const hardStop = path('scenarios/hard-stop-blood-pressure.json');
    const { code, out } = await runCli([hardStop, '--strategy', 'best', '--vitals']);
    expect(code).toBe(0);
    const at = out.indexOf('Cuff readings before the dose (minutes since arrival):');
    expect(at).toBeGreaterThan(0);
    // The first reading is taken at arrival by a choice; every reading is at the hard stop.
    expect(out[at + 1]).toMatch(/^ +0 {2}\d+\/\d+ {2}taken by a choice$/);
    const json = JSON.parse(
      (await runCli([hardStop, '--strategy', 'best', '--vitals', '--json'])).out.join('\n'),
    ) as {
      cuffBeforeDose: { clock: number; systolic: number; diastolic: number; source: string }[];
      attempt: unknown;
    };
    const stop = (
      JSON.parse(readFileSync(hardStop, 'utf8')) as {
        protocol: { thresholds: { hardStop: { systolic: number; diastolic: number } } };
      }
    ).protocol.thresholds.hardStop;
    expect(json.cuffBeforeDose.length).toBe(
      out.slice(at + 1).filter((l) => /^ +\d+ {2}\d+\//.test(l)).length,
    );
    expect(json.cuffBeforeDose[0]!.clock).toBe(0);
    expect(
      json.cuffBeforeDose.every(
        (r) => r.systolic >= stop.systolic || r.diastolic >= stop.diastolic,
      ),
    ).toBe(true);
    // Without --vitals there is no such list.
    expect((await runCli([hardStop, '--strategy', 'best'])).out).not.toContain(
      'Cuff readings before the dose (minutes since arrival):',
    );
  });

  it('refuses --vitals 0', async () => {
    const { code, err } = await runCli([SUBLINGUAL, '--vitals', '0']);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--vitals takes a whole number');
  });
});

describe('times before the dose', () => {
  it('an alarm answered before the dose reads its arrival minutes, not "no response"', async () => {
    const { code, out } = await runCli([PREDOSE_ALARM]);
    expect(code).toBe(0);
    expect(out).toContain(
      '  systolic at arrival minute 0, before dosing: answered after 0 min (arrival minute 0, before dosing)',
    );
    expect(out.some((l) => l.includes('no response'))).toBe(false);
    const json = JSON.parse((await runCli([PREDOSE_ALARM, '--json'])).out.join('\n')) as {
      alarmResponses: {
        raisedAt: null;
        raisedClock: number;
        respondedClock: number;
        minutes: number;
      }[];
    };
    expect(json.alarmResponses[0]).toMatchObject({
      raisedAt: null,
      raisedClock: 0,
      respondedClock: 0,
      minutes: 0,
    });
  });

  it('a visit with no drug gives decisions their arrival minute and never says "before dosing"', async () => {
    const { code, out } = await runCli([INTEGRATION]);
    expect(code).toBe(0);
    const decisions = out.filter((l) => /^ +\d+\. \[/.test(l));
    expect(decisions.length).toBeGreaterThan(1);
    expect(decisions.every((l) => /\[integration · arrival minute \d+\]/.test(l))).toBe(true);
    expect(out.some((l) => l.includes('before dosing'))).toBe(false);
    // Minutes on the arrival clock grow as the visit goes on.
    const minutes = decisions.map((l) => Number(/arrival minute (\d+)/.exec(l)![1]));
    expect(minutes.at(-1)!).toBeGreaterThan(minutes[0]!);
  });
});
