import { describe, expect, it } from 'vitest';
import { saveToHandle, type FileHandle } from '../../../src/workspace/editor/save.ts';

/** A file handle over a string, as the File System Access API gives one. */
function fakeHandle(initial: string): FileHandle & { content: string } {
  const handle = {
    name: 'draft.json',
    content: initial,
    getFile: async () => new File([handle.content], 'draft.json'),
    createWritable: async () => {
      let next = '';
      return {
        write: async (data: string) => void (next += data),
        close: async () => void (handle.content = next),
      };
    },
  };
  return handle;
}

describe('saving to a file opened in place', () => {
  it('writes when the file still holds what was opened', async () => {
    const handle = fakeHandle('{"a":1}');
    expect(await saveToHandle(handle, '{"a":2}', '{"a":1}')).toEqual({
      kind: 'saved',
      how: 'file',
      name: 'draft.json',
    });
    expect(handle.content).toBe('{"a":2}');
  });

  it('never overwrites a file changed since: it reports a conflict with the text on disk', async () => {
    const handle = fakeHandle('{"a":3}');
    expect(await saveToHandle(handle, '{"a":2}', '{"a":1}')).toEqual({
      kind: 'conflict',
      disk: '{"a":3}',
    });
    expect(handle.content).toBe('{"a":3}');
  });
});
