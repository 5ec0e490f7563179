/**
 * Everything `analyze` reports about a valid scenario, in the shape of its `--json` output:
 * the structural analysis (phases and reachability, score ranges, critical errors, unused
 * content), the decision analysis (steps only weaker options reach, position and length cues,
 * spoken options without a reaction, standards breached per path) and the file's length.
 * The analysis panel renders this generically, section by section, so a section added to the
 * engine's analyses appears in the workspace without a change here.
 */
import { analyze, analyzeDecisions, countLines, type ScenarioV1 } from '../engine/index.ts';
import type { Analysis, DecisionAnalysis, LineCount } from '../engine/index.ts';

export type FullAnalysis = Analysis & DecisionAnalysis & { length: LineCount };

/** `text` is the file `scenario` was validated from (for the line counts). */
export function fullAnalysis(scenario: ScenarioV1, text: string): FullAnalysis {
  return {
    ...analyze(scenario),
    ...analyzeDecisions(scenario),
    length: countLines(text, scenario),
  };
}
