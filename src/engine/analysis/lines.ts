/**
 * How long a scenario file is per step, and how much shorter it would be with the values the
 * format implies left out: an option's `kind` that its `action` implies, and a step option's
 * `next` that names the step written after its own. Only lines holding nothing but such a
 * property count as removable (a property written inline with others saves characters, not
 * lines).
 */
import { SourcePositions } from '../format/parse.ts';
import { impliedKind, impliedNext } from '../format/normalise.ts';
import type { ScenarioV1 } from '../format/schema.ts';

export interface LineCount {
  lines: number;
  steps: number;
  /** Lines that hold only an implied `kind` or `next`. */
  removable: number;
  linesPerStep: number;
  /** Lines per step once the removable lines are gone. */
  linesPerStepImplied: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Counts lines in `text`, the file `scenario` was validated from. */
export function countLines(text: string, scenario: ScenarioV1): LineCount {
  const lineTexts = text.split('\n');
  const lines = lineTexts.length - (text.endsWith('\n') ? 1 : 0);
  const steps = scenario.phases.reduce((n, p) => n + p.steps.length, 0);
  /** Pointer → the exact property text that would be implied there. */
  const implied = new Map<string, RegExp>();
  scenario.phases.forEach((phase, p) =>
    phase.steps.forEach((step, s) => {
      const following = impliedNext(phase.steps, s);
      step.options.forEach((o, k) => {
        const at = `/phases/${p}/steps/${s}/options/${k}`;
        if (o.kind === impliedKind(o)) implied.set(`${at}/kind`, /^"kind"\s*:\s*"[a-z]+",?$/);
        if (o.next !== undefined && o.next === following)
          implied.set(`${at}/next`, /^"next"\s*:\s*"[^"]*",?$/);
      });
    }),
  );
  scenario.events.forEach((e, i) =>
    e.respond?.options.forEach((o, k) => {
      if (o.kind === impliedKind(o))
        implied.set(`/events/${i}/respond/options/${k}/kind`, /^"kind"\s*:\s*"[a-z]+",?$/);
    }),
  );
  const positions = new SourcePositions(text);
  const offsets = positions.offsetsOf(implied.keys());
  const removableLines = new Set<number>();
  for (const [path, pattern] of implied) {
    const { line, column } = positions.lineColumn(offsets.get(path) ?? 0);
    const content = lineTexts[line - 1] ?? '';
    // Only a line where this property starts the line and is all there is on it.
    if (content.slice(0, column - 1).trim() === '' && pattern.test(content.trim()))
      removableLines.add(line);
  }
  const removable = removableLines.size;
  return {
    lines,
    steps,
    removable,
    linesPerStep: steps === 0 ? 0 : round1(lines / steps),
    linesPerStepImplied: steps === 0 ? 0 : round1((lines - removable) / steps),
  };
}
