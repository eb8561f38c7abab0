import { Hono } from 'hono';
import { listDigests, type StoredDigest } from '../../db/digests.js';
import type { AdminEnv } from '../env.js';
import { digestsText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';

function DigestsPage(props: { digests: StoredDigest[]; timeZone: string }) {
  return (
    <>
      <h1>{t.title}</h1>
      <section class="card">
        {props.digests.length === 0 ? (
          <p class="muted">{t.none}</p>
        ) : (
          props.digests.map((d, i) => (
            <details open={i === 0}>
              <summary>
                {t.line(t.kinds[d.kind], d.periodKey, showDateTime(d.createdAt, props.timeZone), d.recipients)}
              </summary>
              <div class="pre digest-text">{d.text}</div>
            </details>
          ))
        )}
      </section>
    </>
  );
}

/** /blocs/:blocId/digests: the digests and summaries sent to the bloc, newest first, as they were sent. */
export function digestRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const bloc = c.get('bloc');
    const { db, timeZone } = c.get('deps');
    return c.render(<DigestsPage digests={await listDigests(db, bloc.id, { limit: 60 })} timeZone={timeZone} />, {
      title: `${t.title} · ${bloc.name}`,
    });
  });
  return app;
}
