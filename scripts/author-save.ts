/**
 * The author loop's write endpoint (`POST /__author/save`): the workspace sends the edited text
 * and the fingerprint of the text it started from; the file is written only when
 *
 * - the request comes from this computer's workspace page: the Host is localhost (or 127.0.0.1
 *   / [::1]) and the Origin is that same host (a page on another site cannot save);
 * - the body is JSON `{ text, base }` under the size limit;
 * - the file still holds the text the editor started from (else 409 with the file's text, so
 *   the editor offers a merge or a reload and nothing is overwritten silently).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BYTES } from '../src/engine/format/limits.ts';
import { fingerprint } from '../src/workspace/editor/working-copy.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a save request must be refused (status and message), or null when it may proceed. */
export function refuseSave(request: {
  method?: string | undefined;
  host?: string | undefined;
  origin?: string | undefined;
  contentType?: string | undefined;
}): { status: number; message: string } | null {
  if (request.method !== 'POST') return { status: 405, message: 'Use POST.' };
  const host = request.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  if (!LOCAL_HOSTS.has(hostname))
    return { status: 403, message: 'Saves are accepted from this computer only.' };
  if (request.origin !== `http://${host}`)
    return { status: 403, message: 'Saves are accepted from the workspace page only.' };
  if (!(request.contentType ?? '').startsWith('application/json'))
    return { status: 415, message: 'Send JSON.' };
  return null;
}

async function body(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BYTES * 2 + 1024) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Handles one save request for `file` (its display name is `name`). */
export async function handleSave(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  name: string,
): Promise<void> {
  const refusal = refuseSave({
    method: req.method,
    host: req.headers.host,
    origin: req.headers.origin,
    contentType: req.headers['content-type'],
  });
  const reply = (status: number, text: string) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('X-Scenario-Name', encodeURIComponent(name));
    res.end(text);
  };
  if (refusal) return reply(refusal.status, refusal.message);
  const raw = await body(req);
  if (raw === null) return reply(413, 'The text is too large.');
  let payload: { text?: unknown; base?: unknown };
  try {
    payload = JSON.parse(raw) as typeof payload;
  } catch {
    return reply(400, 'The body is not JSON.');
  }
  if (typeof payload.text !== 'string' || typeof payload.base !== 'string')
    return reply(400, 'Send { text, base }.');
  if (Buffer.byteLength(payload.text) > MAX_BYTES) return reply(413, 'The text is too large.');
  const disk = await readFile(file, 'utf8').catch(() => null);
  if (disk === null) return reply(404, `Cannot read ${name}.`);
  if (fingerprint(disk) !== payload.base && disk !== payload.text) return reply(409, disk);
  // Write beside the file, then rename over it: the file is never left half-written.
  const temp = `${file}.saving`;
  await writeFile(temp, payload.text, 'utf8');
  await rename(temp, file);
  console.log(`${name} saved from the workspace.`);
  reply(200, 'saved');
}
