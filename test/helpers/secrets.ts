// The secrets the test suite configures, in one place, so the log scan after the suite can look
// for each of them (test/ops/logs-secret-scan.scan.ts).

/** The bot token every Bot API emulator accepts unless a test gives another. */
export const EMULATOR_BOT_TOKEN = '7000000001:AAE-emulator_token_for_the_test_suite_x';
/** The token of the rate-limited fake Bot API of the delivery tests. */
export const FAKE_BOT_API_TOKEN = '123456:TEST-token_for-the-fake-bot-api';
/** The shared password of admin accounts created by the admin tests. */
export const TEST_ADMIN_PASSWORD = 'mat-khau-thu-nghiem';
/** The first admin's password given to the started product (test/process). */
export const PROCESS_ADMIN_PASSWORD = 'mat-khau-tien-trinh-9f3k';
/** METRICS_TOKEN in the ops tests. */
export const TEST_METRICS_TOKEN = 'metrics-token-for-tests-0123456789abcdef';
/** The webhook secret of the webhook tests. */
export const TEST_WEBHOOK_SECRET = 'bi-mat_webhook-123';

/** The token the Zalo Bot Platform emulator accepts (test/helpers/zalo-emulator.ts). */
export const ZALO_EMULATOR_TOKEN = '2340000001:zalo-emulator-secret-for-tests';
/** ZALO_WEBHOOK_SECRET in the Zalo webhook tests. */
export const TEST_ZALO_WEBHOOK_SECRET = 'zalo-webhook-bi-mat-42';

/** Every configured secret, for the scan. */
export const CONFIGURED_SECRETS = [
  EMULATOR_BOT_TOKEN,
  FAKE_BOT_API_TOKEN,
  TEST_ADMIN_PASSWORD,
  PROCESS_ADMIN_PASSWORD,
  TEST_METRICS_TOKEN,
  TEST_WEBHOOK_SECRET,
  ZALO_EMULATOR_TOKEN,
  TEST_ZALO_WEBHOOK_SECRET,
];
