/** Course words shown to the trainee. */
import type { ScenarioV1 } from '../../engine/index.ts';

const KIND: Record<string, string> = {
  preparation: 'preparation visit',
  dosing: 'dosing visit',
  integration: 'integration visit',
};

/** "dosing visit", "integration visit", … (a scenario without `visit.kind` is a dosing visit). */
export const visitKindLabel = (scenario: ScenarioV1): string =>
  KIND[scenario.visit?.kind ?? 'dosing'] ?? 'visit';

/** `label` after "a" or "an" as its first sound needs ("an integration visit", "a dosing visit"). */
export const withArticle = (label: string): string =>
  `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
