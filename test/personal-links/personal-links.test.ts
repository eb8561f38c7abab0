import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import {
  deriveLinkToken,
  hashLinkToken,
  isWellFormedLinkToken,
  personalLinkUrl,
} from '../../src/core/personal-link-token.js';
import { deactivateFocalPoint } from '../../src/db/focal-points.js';
import {
  activePersonalLinkOf,
  ensurePersonalLinks,
  findPersonalLinkByToken,
  issuePersonalLink,
  revokePersonalLink,
  tokenOfLink,
} from '../../src/db/personal-links.js';
import { linkSecretPath, loadOrCreateLinkSecret } from '../../src/personal-links/link-secret.js';
import { createTestDb, type TestDb } from '../helpers/db.js';
import { createSmallBloc, type SmallBloc } from '../helpers/fixtures.js';

const SECRET = 'test-link-secret-0123456789abcdefghijklmnop';
const now = new Date('2026-11-24T03:00:00Z');

describe('personal link tokens', () => {
  it('are 43 base64url characters derived from the nonce and the secret', () => {
    const token = deriveLinkToken(SECRET, 'nonce-1');
    expect(isWellFormedLinkToken(token)).toBe(true);
    expect(deriveLinkToken(SECRET, 'nonce-1')).toBe(token);
    expect(deriveLinkToken(SECRET, 'nonce-2')).not.toBe(token);
    expect(deriveLinkToken(`${SECRET}x`, 'nonce-1')).not.toBe(token);
    expect(hashLinkToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses strings of the wrong shape before any lookup', () => {
    for (const bad of ['', 'abc', 'x'.repeat(42), 'x'.repeat(44), `${'x'.repeat(42)}/`, `${'x'.repeat(42)}=`]) {
      expect(isWellFormedLinkToken(bad)).toBe(false);
    }
  });

  it('builds the address under the public URL', () => {
    expect(personalLinkUrl('https://thidua.example.vn/', 'T')).toBe('https://thidua.example.vn/r/T');
  });
});

describe('personal links in the database', () => {
  let t: TestDb;
  let bloc: SmallBloc;
  beforeEach(async () => {
    t = await createTestDb();
    bloc = await createSmallBloc(t.db, { units: 3 });
  });
  afterEach(() => t.close());

  it('stores only the hash and the nonce, never the token', async () => {
    const { token } = await issuePersonalLink(t.db, {
      focalPointId: bloc.focalPointIds[0]!,
      secret: SECRET,
      by: 'admin',
      now,
    });
    const raw = readFileSync(t.path);
    expect(raw.includes(Buffer.from(token))).toBe(false);
    const link = await activePersonalLinkOf(t.db, bloc.focalPointIds[0]!);
    expect(link?.tokenHash).toBe(hashLinkToken(token));
    expect(tokenOfLink(SECRET, link!)).toBe(token);
    expect(tokenOfLink('another-secret-0123456789abcdefghijkl', link!)).toBeUndefined();
  });

  it('opens only a working link of an active focal point', async () => {
    const fp = bloc.focalPointIds[0]!;
    const first = await issuePersonalLink(t.db, { focalPointId: fp, secret: SECRET, by: 'admin', now });
    const found = await findPersonalLinkByToken(t.db, first.token);
    expect(found.kind === 'ok' && found.focalPoint.id).toBe(fp);

    // Re-issuing ends the old link.
    const second = await issuePersonalLink(t.db, { focalPointId: fp, secret: SECRET, by: 'admin', now });
    expect((await findPersonalLinkByToken(t.db, first.token)).kind).toBe('revoked');
    expect((await findPersonalLinkByToken(t.db, second.token)).kind).toBe('ok');

    // A tampered token (one character changed) and a made-up one open nothing.
    const tampered = `${second.token.slice(0, -1)}${second.token.endsWith('A') ? 'B' : 'A'}`;
    expect((await findPersonalLinkByToken(t.db, tampered)).kind).toBe('unknown');
    expect((await findPersonalLinkByToken(t.db, 'not-a-token')).kind).toBe('unknown');

    expect(await revokePersonalLink(t.db, fp, 'admin', now)).toBe(true);
    expect(await revokePersonalLink(t.db, fp, 'admin', now)).toBe(false);
    expect((await findPersonalLinkByToken(t.db, second.token)).kind).toBe('revoked');

    const third = await issuePersonalLink(t.db, { focalPointId: fp, secret: SECRET, by: 'admin', now });
    await deactivateFocalPoint(t.db, fp, now.toISOString());
    expect((await findPersonalLinkByToken(t.db, third.token)).kind).toBe('left');
  });

  it('gives every active focal point a link once, and never re-issues one an admin revoked', async () => {
    expect(await ensurePersonalLinks(t.db, SECRET, now)).toBe(3);
    expect(await ensurePersonalLinks(t.db, SECRET, now)).toBe(0);
    await revokePersonalLink(t.db, bloc.focalPointIds[1]!, 'admin', now);
    expect(await ensurePersonalLinks(t.db, SECRET, now)).toBe(0);
    expect(await activePersonalLinkOf(t.db, bloc.focalPointIds[1]!)).toBeUndefined();
  });

  it('keeps at most one working link per focal point', async () => {
    const fp = bloc.focalPointIds[0]!;
    await issuePersonalLink(t.db, { focalPointId: fp, secret: SECRET, by: 'admin', now });
    await expect(
      t.db
        .insertInto('personal_link')
        .values({ focal_point_id: fp, token_hash: 'x', nonce: 'y', created_at: now.toISOString(), created_by: 'x' })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });
});

describe('the link secret', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ktd-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the configured one, else creates a private file beside the database and keeps it', () => {
    const dbPath = join(dir, 'data', 'ktd.sqlite');
    expect(loadOrCreateLinkSecret('configured-secret-0123456789abcdefghij', dbPath)).toBe(
      'configured-secret-0123456789abcdefghij',
    );
    const created = loadOrCreateLinkSecret(undefined, dbPath);
    expect(created.length).toBeGreaterThanOrEqual(32);
    expect(statSync(linkSecretPath(dbPath)).mode & 0o777).toBe(0o600);
    expect(loadOrCreateLinkSecret(undefined, dbPath)).toBe(created);
  });

  it('refuses a damaged secret file with a clear message instead of silently changing every link', () => {
    const dbPath = join(dir, 'ktd.sqlite');
    writeFileSync(linkSecretPath(dbPath), 'short\n');
    expect(() => loadOrCreateLinkSecret(undefined, dbPath)).toThrow(/bị hỏng/);
  });

  it('is a setting of at least 32 characters', () => {
    const ok = loadConfig({ PERSONAL_LINK_SECRET: 'a'.repeat(32) });
    expect(ok.ok && ok.config.personalLinkSecret).toBe('a'.repeat(32));
    const bad = loadConfig({ PERSONAL_LINK_SECRET: 'short-secret' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[0]).toMatch(/^PERSONAL_LINK_SECRET: phải dài ít nhất 32/);
      expect(bad.errors[0]).not.toContain('short-secret');
    }
  });
});
