/**
 * A Mermaid flowchart of a scenario: one subgraph per phase, one node per step, one edge per
 * option labelled with the option's id (as `run` prints it), then the events after dosing (with
 * their responses and what a miss costs) and the scheduled vitals checks. Node ids are generated
 * (never taken from the scenario) and every label is escaped, so no scenario text can change the
 * diagram's syntax.
 */
import type { ScenarioV1 } from '../format/schema.ts';

const LABEL_MAX = 48;

/** Text made safe inside a quoted Mermaid label: quotes, brackets, markup and newlines encoded. */
export function escapeLabel(text: string, max = LABEL_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const short = flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
  return short.replace(/[^\p{L}\p{N} .,:!?'()*+=\-_/…]/gu, (ch) => `#${ch.codePointAt(0)};`);
}

export function toMermaid(scenario: ScenarioV1): string {
  const lines: string[] = ['flowchart TD'];
  const ids = new Map<string, string>();
  scenario.phases.forEach((phase, p) =>
    phase.steps.forEach((step, s) => ids.set(step.id, `p${p}s${s}`)),
  );
  const endingIds = new Map(scenario.endings.map((e, i) => [e.id, `fin${i}`]));
  const edges: string[] = [];
  scenario.phases.forEach((phase, p) => {
    lines.push(`  subgraph phase${p}["${escapeLabel(phase.title ?? phase.id)}"]`);
    const nextStart = scenario.phases[p + 1]?.start;
    phase.steps.forEach((step) => {
      const node = ids.get(step.id)!;
      lines.push(`    ${node}["${escapeLabel(step.id)}: ${escapeLabel(step.text)}"]`);
      for (const o of step.options) {
        const label = escapeLabel(o.id) + (o.critical ? ' #9888;' : '');
        const target =
          o.ending !== undefined
            ? endingIds.get(o.ending)
            : o.endsPhase
              ? nextStart !== undefined
                ? ids.get(nextStart)
                : undefined
              : o.next !== undefined
                ? ids.get(o.next)
                : undefined;
        if (target !== undefined) edges.push(`  ${node} -->|"${label}"| ${target}`);
      }
    });
    lines.push('  end');
  });
  if (scenario.events.length > 0) {
    lines.push('  subgraph events["Events after dosing"]');
    scenario.events.forEach((e, i) => {
      const t = e.trigger;
      const when =
        'atMinute' in t
          ? `at minute ${t.atMinute}`
          : `${t.vital}${t.above !== undefined ? ` above ${t.above}` : ''}${t.below !== undefined ? ` below ${t.below}` : ''}`;
      const respond = e.respond
        ? `, respond within ${e.respond.withinMinutes} min${e.respond.missed.critical ? ', missing it is critical' : ''}`
        : '';
      lines.push(`    ev${i}{{"${escapeLabel(e.id)}: ${escapeLabel(when + respond, 80)}"}}`);
      // Each response is a node beside its event; one that ends the session leads to its ending.
      e.respond?.options.forEach((o, k) => {
        const node = `ev${i}o${k}`;
        lines.push(`    ${node}("${escapeLabel(o.id)}${o.critical ? ' #9888;' : ''}")`);
        edges.push(`  ev${i} -.->|"response"| ${node}`);
        const target = o.ending !== undefined ? endingIds.get(o.ending) : undefined;
        if (target !== undefined) edges.push(`  ${node} --> ${target}`);
      });
    });
    lines.push('  end');
  }
  const checks = scenario.protocol.monitoring;
  if (checks.length > 0) {
    lines.push('  subgraph checks["Scheduled vitals checks"]');
    checks.forEach((c, i) =>
      lines.push(
        `    chk${i}[/"${escapeLabel(c.id)}: ${escapeLabel(`minute ${c.atMinute} to ${c.atMinute + c.windowMinutes}, ${c.points} ${c.competency}`, 80)}"/]`,
      ),
    );
    lines.push('  end');
  }
  scenario.endings.forEach((e, i) =>
    lines.push(`  fin${i}(["${escapeLabel(e.kind)}: ${escapeLabel(e.title)}"])`),
  );
  return [...lines, ...edges].join('\n') + '\n';
}
