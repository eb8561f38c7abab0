import { Hono } from 'hono';
import { listAudit } from '../../db/audit-log.js';
import { type Bloc, listBlocs } from '../../db/blocs.js';
import type { AuditLogEntry } from '../../db/audit-log.js';
import { currentAdmin, forbidden } from '../auth/access.js';
import type { AdminEnv } from '../env.js';
import { auditText as t } from '../messages.js';
import { showDateTime } from '../ui/format.js';

function details(json: string | null): string {
  if (!json) return '';
  return json.length > 300 ? `${json.slice(0, 300)}…` : json;
}

function AuditPage(props: {
  entries: AuditLogEntry[];
  blocs: Bloc[];
  blocId: number | null;
  province: boolean;
  timeZone: string;
}) {
  const blocName = new Map(props.blocs.map((b) => [b.id, b.name]));
  return (
    <>
      <h1>{t.title}</h1>
      <p class="muted">{t.intro}</p>
      {props.province ? (
        <form method="get" action="/audit" class="card inline-fields">
          <div class="field">
            <label for="a-bloc">{t.bloc}</label>
            <select id="a-bloc" name="bloc">
              <option value="">{t.allBlocs}</option>
              {props.blocs.map((b) => (
                <option value={String(b.id)} selected={b.id === props.blocId}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <button type="submit">Lọc</button>
          </div>
        </form>
      ) : null}
      <section class="card">
        {props.entries.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t.colAt}</th>
                  <th>{t.colActor}</th>
                  <th>{t.colAction}</th>
                  <th class="hide-phone">{t.bloc}</th>
                  <th class="hide-phone">{t.colDetails}</th>
                </tr>
              </thead>
              <tbody>
                {props.entries.map((e) => (
                  <tr>
                    <td class="small">{showDateTime(e.at, props.timeZone)}</td>
                    <td>{e.actor}</td>
                    <td>{t.actions[e.action] ?? e.action}</td>
                    <td class="hide-phone small">{e.blocId ? (blocName.get(e.blocId) ?? '') : ''}</td>
                    <td class="hide-phone small code-cell">{details(e.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** /audit: who changed what; a province admin sees everything, a bloc admin their bloc's entries. */
export function auditRoutes(): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/', async (c) => {
    const admin = currentAdmin(c);
    if (admin.role === 'viewer') forbidden();
    const { db, timeZone } = c.get('deps');
    const province = admin.role === 'province_admin';
    const q = c.req.query('bloc');
    const blocId = province ? (q && /^\d{1,9}$/.test(q) ? Number(q) : null) : admin.blocId;
    const entries = await listAudit(db, { blocId: blocId ?? undefined, limit: 200 });
    return c.render(
      <AuditPage
        entries={entries}
        blocs={await listBlocs(db)}
        blocId={blocId}
        province={province}
        timeZone={timeZone}
      />,
      { title: t.title },
    );
  });
  return app;
}
