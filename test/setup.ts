import { afterEach, beforeEach, vi } from 'vitest';

// An unexpected console.error in a test is a bug we want to see, not noise to scroll past.
let errorSpy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error được gọi trong test: ${args.map(String).join(' ')}`);
  });
});
afterEach(() => {
  errorSpy?.mockRestore();
});
