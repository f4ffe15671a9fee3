import { describe, expect, it } from 'vitest';

describe('golden update flag', () => {
  it('is not set in CI, so no golden file is rewritten blindly there', () => {
    if (process.env.CI === 'true') expect(process.env.UPDATE).not.toBe('1');
    else expect(true).toBe(true);
  });
});
