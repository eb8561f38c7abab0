import type { AdminUser } from '../../db/admin-users.js';
import type { Bloc } from '../../db/blocs.js';
import type { FormState } from '../http/form.js';
import { common, roleNames, usersText as t } from '../messages.js';
import { ErrorSummary, Field, type Option, PostForm, SelectField } from '../ui/forms.js';

const ROLE_OPTIONS: Option[] = (['province_admin', 'bloc_admin', 'viewer'] as const).map((r) => ({
  value: r,
  label: roleNames[r],
}));

function AccountFields(props: { form: FormState; blocs: Bloc[]; user?: AdminUser }) {
  return (
    <>
      <Field
        label={t.displayName}
        name="displayName"
        form={props.form}
        value={props.user?.displayName}
        required
        maxlength={120}
      />
      <div class="inline-fields">
        <SelectField
          label={t.role}
          name="role"
          form={props.form}
          value={props.user?.role ?? 'bloc_admin'}
          options={ROLE_OPTIONS}
        />
        <SelectField
          label={t.bloc}
          name="blocId"
          form={props.form}
          value={props.user?.blocId}
          options={props.blocs.map((b) => ({ value: b.id, label: b.name }))}
          empty={t.chooseBloc}
        />
      </div>
    </>
  );
}

export function UsersPage(props: { users: AdminUser[]; blocs: Bloc[]; form: FormState }) {
  const blocName = new Map(props.blocs.map((b) => [b.id, b.name]));
  return (
    <>
      <h1>{t.title}</h1>
      <section class="card">
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t.colUsername}</th>
                <th>{t.colName}</th>
                <th class="hide-phone">{t.colRole}</th>
                <th class="hide-phone">{t.colBloc}</th>
                <th>{t.colStatus}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {props.users.map((u) => (
                <tr>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td class="hide-phone small">{roleNames[u.role]}</td>
                  <td class="hide-phone">{u.blocId === null ? t.allBlocs : (blocName.get(u.blocId) ?? '')}</td>
                  <td>
                    {u.disabledAt ? (
                      <span class="badge missing">{t.disabled}</span>
                    ) : (
                      <span class="badge reported">{t.active}</span>
                    )}
                  </td>
                  <td>
                    <a class="button secondary small" href={`/users/${u.id}`}>
                      {common.edit}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="card" id="add">
        <h2>{t.addTitle}</h2>
        <ErrorSummary form={props.form} />
        <PostForm action="/users">
          <Field
            label={t.username}
            name="username"
            form={props.form}
            hint={t.usernameHint}
            required
            maxlength={40}
            autocomplete="off"
          />
          <AccountFields form={props.form} blocs={props.blocs} />
          <Field
            label={t.password}
            name="password"
            type="password"
            form={props.form}
            hint="Ít nhất 10 ký tự."
            autocomplete="new-password"
            required
          />
          <button type="submit">{common.add}</button>
        </PostForm>
      </section>
    </>
  );
}

export function UserPage(props: {
  user: AdminUser;
  blocs: Bloc[];
  form: FormState;
  resetForm: FormState;
  statusError?: string;
}) {
  const u = props.user;
  return (
    <>
      <h1>{t.editTitle(u.username)}</h1>
      <section class="card">
        <ErrorSummary form={props.form} />
        <PostForm action={`/users/${u.id}`}>
          <AccountFields form={props.form} blocs={props.blocs} user={u} />
          <div class="actions">
            <button type="submit">{common.save}</button>
            <a href="/users">{common.back}</a>
          </div>
        </PostForm>
      </section>
      <section class="card">
        <h2>{t.resetTitle}</h2>
        <ErrorSummary form={props.resetForm} />
        <PostForm action={`/users/${u.id}/password`}>
          <Field
            label={t.newPassword}
            name="password"
            type="password"
            form={props.resetForm}
            hint="Ít nhất 10 ký tự."
            autocomplete="new-password"
            required
          />
          <button type="submit" class="secondary">
            {t.reset}
          </button>
        </PostForm>
      </section>
      <section class="card">
        {props.statusError ? (
          <div class="alert error" role="alert">
            {props.statusError}
          </div>
        ) : null}
        {u.disabledAt ? (
          <PostForm action={`/users/${u.id}/enable`}>
            <button type="submit" class="secondary">
              {t.enable}
            </button>
          </PostForm>
        ) : (
          <PostForm action={`/users/${u.id}/disable`} confirm={t.disableConfirm}>
            <button type="submit" class="secondary">
              {t.disable}
            </button>
          </PostForm>
        )}
      </section>
    </>
  );
}
