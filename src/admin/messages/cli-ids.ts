// The ids the command line takes (`npm run cli -- … --bloc ID`, `--id ID`, `--unit ID`), shown on
// the pages where an operator looks them up.

export const cliIdsText = {
  colId: 'Mã',
  colIdTitle: 'Mã khối, dùng cho --bloc của dòng lệnh (npm run cli)',
  bloc: (id: number) => `Mã khối: ${id} (dùng cho --bloc của dòng lệnh npm run cli).`,
  focalPoints: (blocId: number) =>
    `Mã khối: ${blocId}. Mã cán bộ (cột Mã) dùng cho --id, mã đơn vị cho --unit của dòng lệnh npm run cli.`,
  unit: (id: number) => `mã đơn vị ${id}`,
  focalPoint: (id: number, unitId: number) =>
    `Mã cán bộ: ${id}, mã đơn vị: ${unitId} (dùng cho --id và --unit của dòng lệnh npm run cli).`,
};
