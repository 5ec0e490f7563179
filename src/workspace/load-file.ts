/**
 * Reading a scenario file the instructor picked or dropped. Nothing leaves the browser: the file
 * is read locally, after its size is checked (a file over the limit is never read).
 */
import { MAX_BYTES } from '../engine/index.ts';

export type FileRead =
  { ok: true; name: string; text: string } | { ok: false; name: string; message: string };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function readScenarioFile(file: File): Promise<FileRead> {
  const name = file.name || 'scenario.json';
  if (file.size > MAX_BYTES) {
    return {
      ok: false,
      name,
      message: `"${name}" is ${mb(file.size)} MB; the workspace opens files up to ${mb(MAX_BYTES)} MB. It was not read.`,
    };
  }
  try {
    return { ok: true, name, text: await file.text() };
  } catch {
    return {
      ok: false,
      name,
      message: `"${name}" could not be read. Check that it is a file you can open.`,
    };
  }
}

/** The first file of a drop, if it holds any. */
export function droppedFile(event: DragEvent): File | null {
  return event.dataTransfer?.files?.[0] ?? null;
}
