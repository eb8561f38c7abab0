import type { Db } from './connection.js';
import type { BlocRow, ReportingCadence, RotationPolicy } from './schema.js';

/** An emulation bloc, as the rest of the code sees it (decision 0092). */
export interface Bloc {
  id: number;
  name: string;
  province: string;
  description: string | null;
  reportingCadence: ReportingCadence;
  graceDays: number;
  lockDays: number;
  rotationPolicy: RotationPolicy;
  /** Part of the demo data ("dữ liệu mẫu"). */
  isDemo: boolean;
  createdAt: string;
}

export function toBloc(row: BlocRow): Bloc {
  return {
    id: row.id,
    name: row.name,
    province: row.province,
    description: row.description,
    reportingCadence: row.reporting_cadence,
    graceDays: row.grace_days,
    lockDays: row.lock_days,
    rotationPolicy: row.rotation_policy,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
  };
}

export interface BlocReportingSettings {
  reportingCadence: ReportingCadence;
  graceDays: number;
  lockDays: number;
  rotationPolicy: RotationPolicy;
}

/** A new bloc; the settings left out take the schema's defaults. */
export interface NewBloc extends Partial<BlocReportingSettings> {
  name: string;
  province: string;
  description: string | null;
  isDemo?: boolean;
}

// Kysely leaves out a column whose value is undefined: a setting not given keeps its default or value.
function settingsColumns(s: Partial<BlocReportingSettings>) {
  return {
    reporting_cadence: s.reportingCadence,
    grace_days: s.graceDays,
    lock_days: s.lockDays,
    rotation_policy: s.rotationPolicy,
  };
}

export async function createBloc(db: Db, bloc: NewBloc): Promise<Bloc> {
  const row = await db
    .insertInto('bloc')
    .values({
      name: bloc.name,
      province: bloc.province,
      description: bloc.description,
      ...settingsColumns(bloc),
      is_demo: bloc.isDemo === undefined ? undefined : bloc.isDemo ? 1 : 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toBloc(row);
}

export async function getBloc(db: Db, id: number): Promise<Bloc | undefined> {
  const row = await db.selectFrom('bloc').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toBloc(row);
}

export async function listBlocs(db: Db): Promise<Bloc[]> {
  return (await db.selectFrom('bloc').selectAll().orderBy('name').execute()).map(toBloc);
}

/** Every bloc by id: the order `bloc list` shows and `--bloc` searches. */
export async function listBlocsById(db: Db): Promise<Bloc[]> {
  return (await db.selectFrom('bloc').selectAll().orderBy('id').execute()).map(toBloc);
}

/** The id of the bloc with exactly this name (names are unique in practice, not by the schema). */
export async function blocIdNamed(db: Db, name: string): Promise<number | undefined> {
  const row = await db.selectFrom('bloc').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id;
}

/** Every bloc, or only the one given (none when it does not exist): the blocs a job run covers. */
export async function listBlocsOrOne(db: Db, blocId: number | undefined): Promise<Bloc[]> {
  if (blocId === undefined) return listBlocs(db);
  const bloc = await getBloc(db, blocId);
  return bloc ? [bloc] : [];
}

export async function countBlocs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('bloc')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateBlocSettings(db: Db, id: number, settings: Partial<BlocReportingSettings>): Promise<void> {
  await db.updateTable('bloc').set(settingsColumns(settings)).where('id', '=', id).execute();
}

export async function updateBlocInfo(
  db: Db,
  id: number,
  info: { name: string; province: string; description: string | null },
): Promise<void> {
  await db.updateTable('bloc').set(info).where('id', '=', id).execute();
}
