/**
 * The scenario catalogue: what the library shows of each scenario, read at build time so the
 * library never downloads or parses a scenario file. Pure: the build supplies file names and
 * texts; nothing here reads files. A file that cannot be read still gets an entry (marked
 * unreadable), so the library lists it and opening it shows the validator's message.
 */

/** One library card. Text fields are plain text, rendered as text. */
export interface CatalogueEntry {
  /** The scenario id, from the file name (the one the router and saves use). */
  id: string;
  /** False when the file is not JSON: the card then says so, and opening it explains why. */
  readable: boolean;
  title: string;
  summary: string;
  /** "Name, age" of the patient, or "". */
  patient: string;
  conditions: string[];
  /** "drug, route" from the protocol, or "". */
  route: string;
  /** The visit's kind where the scenario declares one (`visit.kind`), else "". */
  visitKind: string;
  /** "introductory" | "intermediate" | "advanced" as written, or "". */
  difficulty: string;
  estimatedMinutes: number | null;
  contentWarnings: string[];
}

/** One course's card in the library (built by course-catalogue.ts). Plain text, rendered as text. */
export interface CourseCard {
  id: string;
  title: string;
  /** The course file's name in the scenarios folder (e.g. "x.course.json"). */
  file: string;
  visits: { id: string; title: string; visitKind: string }[];
  /** What carries between visits, in words: variables by their description, then facts. */
  carries: string[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * The card of scenario `id` from its file `text` (JSON). Never throws: missing fields are blank,
 * and text that is not JSON gives an unreadable entry.
 */
export function catalogueEntry(id: string, text: string): CatalogueEntry {
  let doc: Record<string, unknown>;
  try {
    doc = record(JSON.parse(text));
  } catch {
    return {
      id,
      readable: false,
      title: id,
      summary: '',
      patient: '',
      conditions: [],
      route: '',
      visitKind: '',
      difficulty: '',
      estimatedMinutes: null,
      contentWarnings: [],
    };
  }
  const patient = record(doc.patient);
  const protocol = record(doc.protocol);
  return {
    id,
    readable: true,
    title: str(doc.title) || id,
    summary: str(doc.summary),
    patient: [str(patient.name), typeof patient.age === 'number' ? String(patient.age) : '']
      .filter(Boolean)
      .join(', '),
    conditions: strs(patient.conditions),
    route: [str(protocol.drug), str(protocol.route)].filter(Boolean).join(', '),
    visitKind: str(record(doc.visit).kind),
    difficulty: str(doc.difficulty),
    estimatedMinutes: typeof doc.estimatedMinutes === 'number' ? doc.estimatedMinutes : null,
    contentWarnings: strs(doc.contentWarnings),
  };
}

const DIFFICULTY_RANK: Record<string, number> = { introductory: 0, intermediate: 1, advanced: 2 };

/**
 * The recommended order: introductory cases first, then intermediate, then advanced (unknown
 * difficulty last); within a level the shorter case first, then by title. Returns a new array.
 */
export function recommendedOrder(entries: readonly CatalogueEntry[]): CatalogueEntry[] {
  const rank = (e: CatalogueEntry) => DIFFICULTY_RANK[e.difficulty] ?? 3;
  return [...entries].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.estimatedMinutes ?? Infinity) - (b.estimatedMinutes ?? Infinity) ||
      a.title.localeCompare(b.title) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Keeps each course's visits together and in the course's order: they take the place of the
 * visit that `entries` lists first. `courses` give their visits' scenario ids in order; ids not
 * in `entries` are skipped. Returns a new array.
 */
export function courseOrder(
  entries: readonly CatalogueEntry[],
  courses: readonly { visits: readonly string[] }[],
): CatalogueEntry[] {
  let out = [...entries];
  for (const { visits } of courses) {
    const members = visits
      .map((id) => out.find((e) => e.id === id))
      .filter((e): e is CatalogueEntry => e !== undefined);
    const at = out.findIndex((e) => members.includes(e));
    if (at < 0) continue;
    const rest = out.filter((e) => !members.includes(e));
    const before = out.slice(0, at).filter((e) => !members.includes(e)).length;
    out = [...rest.slice(0, before), ...members, ...rest.slice(before)];
  }
  return out;
}

/**
 * The catalogue module's source text (what the build serves), from `{ id, text }` files in the
 * recommended order, with each course's visits (scenario ids, in order) kept together; its named
 * export `courses` is the courses' cards (see course-catalogue.ts).
 */
export function catalogueModule(
  files: readonly { id: string; text: string }[],
  courses: readonly { visits: readonly string[] }[] = [],
  courseCards: readonly CourseCard[] = [],
): string {
  const entries = courseOrder(
    recommendedOrder(files.map((f) => catalogueEntry(f.id, f.text))),
    courses,
  );
  return `export default ${JSON.stringify(entries)};\nexport const courses = ${JSON.stringify(courseCards)};\n`;
}
