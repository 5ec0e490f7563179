/** `run` says which text variant each step was shown with, in the text report and in --json. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/cli/commands/run.ts';
import type { Io } from '../../../src/cli/io.ts';

const FIXTURE = fileURLToPath(
  new URL('../../fixtures/authoring/patterns/state-dependent-text.json', import.meta.url),
);
const TEMPLATE = fileURLToPath(
  new URL('../../../scenarios/templates/minimal.json', import.meta.url),
);
const PREP = 'prep-consent-best,prep-screening-best';

async function run(...args: string[]): Promise<string[]> {
  const out: string[] = [];
  const io: Io = { out: (l) => out.push(...l.split('\n')), err: () => {} };
  expect(await runCommand(args, io)).toBe(0);
  return out;
}

describe('run shows the text variant a step displayed', () => {
  it('names the variant whose when held, and the text shown, under the decision', async () => {
    const out = await run(FIXTURE, '--choices', `${PREP},admin-vitals-check,admin-dose-defer`);
    const at = out.findIndex((l) => / step admin-dose: /.test(l));
    expect(out[at + 1]).toBe(
      `       shown: variants[0] (when {"protocol":"bpChecked"}): The patient waits in the chair. Today's blood pressure is on the chart.`,
    );
  });

  it('says when the plain text was shown because no variant held', async () => {
    const out = await run(FIXTURE, '--choices', `${PREP},admin-vitals-skip,admin-dose-defer`);
    const at = out.findIndex((l) => / step admin-dose: /.test(l));
    expect(out[at + 1]).toBe(
      '       shown: the plain text (no variant held): The patient waits in the chair. No blood pressure has been taken today.',
    );
  });

  it('names the variant chosen when a step waiting for its minute is shown, not before', async () => {
    const hardStop = fileURLToPath(
      new URL('../../../scenarios/hard-stop-blood-pressure.json', import.meta.url),
    );
    // The five-minute rest with the forms: the recheck step (a-rest) waits for the rest's end,
    // and its text is then the forms variant.
    const choices =
      'p-arrival-settle,p-consent-dialogue,p-screen-full,p-disc-thanks,a-bp-first,a-first-rest5';
    // The choices end before the debrief: the run reports where it stopped (exit code 1).
    const text: string[] = [];
    const io: Io = { out: (l) => text.push(...l.split('\n')), err: () => {} };
    expect(await runCommand([hardStop, '--choices', `${choices},a-rest-recheck`], io)).toBe(1);
    const at = text.findIndex((l) => / step a-rest: /.test(l));
    expect(at).toBeGreaterThan(0);
    expect(text[at + 1]).toBe(
      `       shown: variants[0] (when {"var":"restedWithForms","eq":true}): That's the forms done, every box. So. We good?`,
    );
  });

  it('puts it in the JSON report as `shown` on the decision', async () => {
    const json = async (choices: string) =>
      JSON.parse((await run(FIXTURE, '--choices', choices, '--json')).join('\n')) as {
        decisions: { stepId?: string; shown?: unknown }[];
      };
    const checked = await json(`${PREP},admin-vitals-check,admin-dose-defer`);
    expect(checked.decisions.find((d) => d.stepId === 'admin-dose')!.shown).toEqual({
      variant: 0,
      when: { protocol: 'bpChecked' },
      text: "The patient waits in the chair. Today's blood pressure is on the chart.",
    });
    const skipped = await json(`${PREP},admin-vitals-skip,admin-dose-defer`);
    expect(skipped.decisions.find((d) => d.stepId === 'admin-dose')!.shown).toEqual({
      variant: null,
      text: 'The patient waits in the chair. No blood pressure has been taken today.',
    });
    // Steps without variants always show their text: no `shown`.
    expect(skipped.decisions.find((d) => d.stepId === 'admin-vitals')!.shown).toBeUndefined();
  });

  it('adds nothing for a scenario without variants', async () => {
    const out = await run(TEMPLATE, '--strategy', 'best');
    expect(out.some((l) => l.includes('shown:'))).toBe(false);
  });
});
