import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Runs a package's test files longest first, by the seconds each took when last measured (`test/durations.json`,
 * written by `npm run test:durations`), so that the workers finish together rather than one waiting on a long file
 * that started last. A clean clone has no vitest cache to order by, and file size says little of a file's time: the
 * longest take most of theirs waiting on processes, browsers and receivers. Files not measured yet run first, as
 * vitest runs unknown files first. A package without the file keeps vitest's own order.
 */
export class MeasuredSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const durationsFile = path.join(this.ctx.config.root, 'test', 'durations.json');
    if (!existsSync(durationsFile)) return super.sort(files);
    const seconds = JSON.parse(readFileSync(durationsFile, 'utf8')) as Record<string, number>;
    const measured = (file: TestSpecification) =>
      seconds[path.relative(file.project.config.root, file.moduleId).split(path.sep).join('/')] ?? Infinity;
    return [...files].sort((a, b) => measured(b) - measured(a));
  }
}
