import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The packages a pending changeset bumps by a major version: `.changeset/*.md` files whose front matter says
 * `"@members/contracts": major`. `npm run version` consumes them, so only unreleased changes are read.
 */
export async function pendingMajors(changesetDir: string): Promise<Set<string>> {
  const majors = new Set<string>();
  const files = (await readdir(changesetDir)).filter((file) => file.endsWith('.md') && file !== 'README.md');
  for (const file of files) {
    const text = await readFile(path.join(changesetDir, file), 'utf8');
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
    for (const line of front.split(/\r?\n/)) {
      const bump = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
      if (bump?.[1] && bump[2] === 'major') majors.add(bump[1]);
    }
  }
  return majors;
}
