// processes/*.bpmn and forms/*.form are generated from scripts/diagrams/: the committed files must match the models.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../scripts/build-diagrams';
import { root } from './load-diagrams';

describe('generated diagrams and forms', () => {
  it('are up to date with the models in scripts/diagrams (run `npx tsx scripts/build-diagrams.ts`)', async () => {
    // given the files the models produce
    const files = await generate();
    expect(files.size).toBeGreaterThan(40);
    // then each committed file has exactly that content
    const stale = [...files].filter(([path, content]) => readFileSync(join(root, path), 'utf8') !== content).map(([path]) => path);
    expect(stale).toEqual([]);
  });
});
