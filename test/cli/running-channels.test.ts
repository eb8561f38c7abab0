import { describe, expect, it } from 'vitest';
import { cliRunningChannels } from '../../src/cli/running-channels.js';
import { loadConfig } from '../../src/config.js';

// The CLI queues for the channels its configuration enables, as the server delivers through them.
const channelsOf = (env: Record<string, string>) => {
  const c = loadConfig(env);
  if (!c.ok) throw new Error(c.errors.join('\n'));
  return cliRunningChannels(c.config);
};

describe('the channels a CLI command queues for', () => {
  it('takes Zalo when its token is set, beside Telegram, and Telegram when none is', () => {
    expect(channelsOf({ ZALO_BOT_TOKEN: '123:abcdefgh' })).toEqual(['zalo']);
    expect(
      channelsOf({ ZALO_BOT_TOKEN: '123:abcdefgh', TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678' }),
    ).toEqual(['telegram', 'zalo']);
    expect(channelsOf({})).toEqual(['telegram']);
  });
});
