import type { FocalPoint } from '../../db/focal-points.js';
import { personalLinkText as t } from '../messages.js';
import { CopyField } from '../ui/copy-field.js';
import { showDateTime } from '../ui/format.js';
import { PostForm } from '../ui/forms.js';
import type { PersonalLinkView } from './personal-link-view.js';

const who = (by: string | null) => (by === null || by === 'system' ? t.bySystem : by);

/** "Liên kết báo cáo cá nhân" on a focal point's page: the link, its QR code, and re-issue / revoke. */
export function PersonalLinkSection(props: {
  action: string;
  fp: FocalPoint;
  view: PersonalLinkView;
  timeZone: string;
}) {
  const v = props.view;
  const when = (at: string | null) => showDateTime(at, props.timeZone);
  return (
    <section class="card" id="personal-link">
      <h2>{t.title}</h2>
      {v.kind === 'left' ? <p class="muted">{t.left}</p> : null}
      {v.kind === 'hidden' ? <p class="muted">{t.forEditorsOnly}</p> : null}
      {v.kind === 'none' ? (
        <>
          <p>{t.none}</p>
          {v.lastRevoked ? (
            <p class="muted small">{t.revokedAt(when(v.lastRevoked.revokedAt), who(v.lastRevoked.revokedBy))}</p>
          ) : null}
          <PostForm action={props.action}>
            <button type="submit">{t.issue}</button>
          </PostForm>
        </>
      ) : null}
      {v.kind === 'undisplayable' || v.kind === 'shown' ? (
        <>
          <p class="small">{t.explain}</p>
          {v.kind === 'shown' ? (
            <div class="personal-link">
              <img class="qr" src={v.qr} alt={t.qrAlt(props.fp.fullName)} width="220" height="220" />
              <div class="personal-link-text">
                <CopyField id="personal-link-url" label={t.field} value={v.url} />
                <p class="muted small">{t.selectHint}</p>
                <p class="small">
                  <strong>{t.keepPrivate}</strong>
                </p>
                {v.guessedBase ? <p class="muted small">{t.noPublicUrl}</p> : null}
              </div>
            </div>
          ) : (
            <div class="alert info">{t.secretChanged}</div>
          )}
          <p class="muted small">
            {t.createdAt(when(v.link.createdAt), who(v.link.createdBy))}{' '}
            {v.link.lastUsedAt ? t.lastUsed(when(v.link.lastUsedAt)) : t.neverUsed}
          </p>
          <p class="small">{t.reissueWarning}</p>
          <div class="actions">
            <PostForm action={props.action} confirm={t.reissueConfirm}>
              <button type="submit" class="secondary">
                {t.reissue}
              </button>
            </PostForm>
            <PostForm action={`${props.action}/revoke`} confirm={t.revokeConfirm}>
              <button type="submit" class="secondary">
                {t.revoke}
              </button>
            </PostForm>
          </div>
          <p class="muted small">{t.revokeWarning}</p>
        </>
      ) : null}
    </section>
  );
}
