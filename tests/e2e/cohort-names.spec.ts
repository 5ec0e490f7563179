import { expect, test } from '@playwright/test';
import { exportJson } from '../../src/engine/results/export.ts';
import { cohortFiles } from '../fixtures/cohort/cohort-fixtures.ts';

// Two copies of one trainee's export that record no name: the trainee is named from a file.
const attempts = cohortFiles()[0]!.attempts;
const text = exportJson(attempts);
const file = (name: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});

for (const order of [
  ['Alice Park (1).json', 'Alice Park.json'],
  ['Alice Park.json', 'Alice Park (1).json'],
])
  test(`an attempt in two files is named the same way whatever the order (${order[0]} first)`, async ({
    page,
  }) => {
    await page.goto('/#/cohort');
    await page.locator('[data-cohort-files]').setInputFiles(order.map(file));
    await expect(page.locator('[data-cohort-checking]')).toHaveAttribute(
      'data-cohort-checking',
      'idle',
    );
    await page.locator('[data-hide-names]').uncheck();
    const renamed = page.locator('[data-cohort-renamed]');
    await expect(renamed).toHaveAttribute('data-cohort-renamed', String(attempts.length));
    await expect(renamed.locator('li')).toHaveCount(attempts.length);
    for (const li of await renamed.locator('li').all())
      await expect(li).toContainText('counted as Alice Park, also found as Alice Park (1)');
    await expect(page.locator('[data-cohort-counts]')).toContainText('from 1 trainee (');
  });
