import { describe, expect, it } from 'vitest';
import { listScenarioFiles } from '../../src/engine/library';

describe('listScenarioFiles', () => {
  it('lists scenario files sorted by id, without the schema or templates', () => {
    const list = listScenarioFiles([
      '/scenarios/zeta.json',
      '/scenarios/scenario.schema.json',
      '/scenarios/templates/minimal.json',
      '/scenarios/alpha.json',
      '/scenarios/notes.txt',
    ]);
    expect(list).toEqual([
      { file: 'alpha.json', id: 'alpha' },
      { file: 'zeta.json', id: 'zeta' },
    ]);
  });
});
