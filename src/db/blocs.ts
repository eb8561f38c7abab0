import type { Db } from './connection.js';
import type { Bloc, BlocTable, ReportingCadence, RotationPolicy } from './schema.js';
import type { Insertable } from 'kysely';

export async function createBloc(db: Db, bloc: Insertable<BlocTable>): Promise<Bloc> {
  return db.insertInto('bloc').values(bloc).returningAll().executeTakeFirstOrThrow();
}

export async function getBloc(db: Db, id: number): Promise<Bloc | undefined> {
  return db.selectFrom('bloc').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listBlocs(db: Db): Promise<Bloc[]> {
  return db.selectFrom('bloc').selectAll().orderBy('name').execute();
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

export interface BlocReportingSettings {
  reporting_cadence: ReportingCadence;
  grace_days: number;
  lock_days: number;
  rotation_policy: RotationPolicy;
}

export async function updateBlocSettings(db: Db, id: number, settings: Partial<BlocReportingSettings>): Promise<void> {
  await db.updateTable('bloc').set(settings).where('id', '=', id).execute();
}

export async function updateBlocInfo(
  db: Db,
  id: number,
  info: { name: string; province: string; description: string | null },
): Promise<void> {
  await db.updateTable('bloc').set(info).where('id', '=', id).execute();
}
