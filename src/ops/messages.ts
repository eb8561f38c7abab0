// Every text of backups and restores, in one place: what the person running the server reads on the
// command line and in the job ledger. Vietnamese, polite administrative register.

/** A refusal or failure of a backup or restore; its message is meant for the operator as it is. */
export class OpsError extends Error {}

const rows = (tables: Record<string, number>) =>
  Object.values(tables)
    .reduce((sum, n) => sum + n, 0)
    .toLocaleString('vi-VN');

export const OPS_MESSAGES = {
  // backup
  memoryDatabase: 'Cơ sở dữ liệu đang ở bộ nhớ (DATABASE_PATH=:memory:), không có tệp để sao lưu.',
  noDatabase: (path: string) => `Không tìm thấy cơ sở dữ liệu tại "${path}"; không có gì để sao lưu.`,
  sourceUnreadable: (path: string, reason: string) =>
    `Không mở được cơ sở dữ liệu "${path}" để sao lưu (${reason}); chưa ghi gì. Xin kiểm tra DATABASE_PATH và quyền của tài khoản chạy lệnh với tệp và thư mục chứa nó (SQLite cần ghi được tệp -shm bên cạnh, nên một ổ đĩa chỉ cho đọc cũng gây lỗi này): trên máy chủ, chạy bằng tài khoản của dịch vụ (deploy/cli.sh backup).`,
  destinationExists: (path: string) => `Tệp "${path}" đã có; xin chọn tên khác để không ghi đè bản sao lưu cũ.`,
  backupFailed: (path: string, reason: string) =>
    `Sao lưu vào "${path}" không thành công (${reason}); phần đã ghi dở đã được xóa, cơ sở dữ liệu không bị ảnh hưởng. Xin kiểm tra chỗ trống trên ổ đĩa và quyền ghi vào thư mục đó.`,
  copyNotIntact: (path: string, check: string) =>
    `Bản sao lưu "${path}" không toàn vẹn (${check}); bản sao đã bị xóa, cơ sở dữ liệu không bị ảnh hưởng.`,
  countsDiffer: (table: string, source: number, copy: number) =>
    `Bản sao lưu lệch số dòng ở bảng "${table}" (gốc ${source}, bản sao ${copy}); bản sao đã bị xóa.`,
  backupDone: (path: string, tables: Record<string, number>) =>
    `Đã sao lưu cơ sở dữ liệu vào ${path} (đã kiểm tra: toàn vẹn; ${Object.keys(tables).length} bảng, ${rows(tables)} dòng, khớp với cơ sở dữ liệu lúc bắt đầu sao lưu).`,
  backupUsage: 'Dùng: backup [TỆP] (mặc định vào thư mục BACKUP_DIR); --out TỆP cũng được chấp nhận.',

  // restore
  restoreUsage: 'Dùng: restore TỆP — thay cơ sở dữ liệu bằng một bản sao lưu (dừng dịch vụ trước khi chạy).',
  candidateMissing: (path: string) => `Không tìm thấy tệp "${path}".`,
  candidateIsCurrent: (path: string) =>
    `Tệp "${path}" chính là cơ sở dữ liệu đang dùng (DATABASE_PATH); xin chọn một bản sao lưu.`,
  notSqlite: (path: string) =>
    `Tệp "${path}" không phải cơ sở dữ liệu SQLite (sai phần đầu tệp); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên.`,
  damaged: (path: string, reason: string) =>
    `Tệp "${path}" bị hỏng hoặc không đầy đủ (${reason}); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên.`,
  foreign: (path: string) =>
    `Tệp "${path}" không phải cơ sở dữ liệu của phần mềm khối thi đua (không có bảng kysely_migration); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên.`,
  olderVersion: (path: string, missing: string[]) =>
    `Tệp "${path}" được tạo bởi một phiên bản cũ hơn (thiếu migration: ${missing.join(', ')}). Xin khôi phục nó bằng đúng phiên bản phần mềm đã tạo ra nó, rồi nâng cấp lại: lần khởi động sau nâng cấp tự chuyển đổi dữ liệu (docs/deployment.md, mục 6 «Undo an upgrade»). Cơ sở dữ liệu hiện tại giữ nguyên.`,
  newerVersion: (path: string, unknown: string[]) =>
    `Tệp "${path}" được tạo bởi một phiên bản mới hơn phần mềm đang cài (có migration lạ: ${unknown.join(', ')}). Xin nâng cấp phần mềm trước; cơ sở dữ liệu hiện tại giữ nguyên.`,
  missingTables: (path: string, tables: string[]) =>
    `Tệp "${path}" thiếu bảng ${tables.join(', ')}; không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên.`,
  cannotStage: (folder: string, reason: string) =>
    `Không chép được bản sao lưu vào thư mục của cơ sở dữ liệu "${folder}" (${reason}); không khôi phục, cơ sở dữ liệu hiện tại giữ nguyên. Xin kiểm tra chỗ trống trên ổ đĩa và quyền ghi vào thư mục đó.`,
  databaseInUse: (path: string) =>
    `Cơ sở dữ liệu "${path}" đang được một tiến trình khác sử dụng (dịch vụ đang chạy?). Xin dừng dịch vụ trước (sudo systemctl stop khoi-thi-dua) rồi chạy lại lệnh; chưa có gì thay đổi.`,
  currentUnreadable: (path: string, reason: string) =>
    `Không sao lưu được cơ sở dữ liệu hiện tại "${path}" (${reason}), nên chưa khôi phục. Nếu tệp này đã hỏng, xin chuyển nó sang chỗ khác (mv) rồi chạy lại lệnh khôi phục.`,
  preRestoreBackupFailed: (backupError: string) =>
    `${backupError} Chưa khôi phục, vì phải có bản sao của cơ sở dữ liệu hiện tại trước khi thay nó (thư mục BACKUP_DIR); cơ sở dữ liệu hiện tại giữ nguyên.`,
  restoreDone: (path: string, from: string, previous: string | null) =>
    previous
      ? `Đã khôi phục cơ sở dữ liệu "${path}" từ "${from}". Bản sao của cơ sở dữ liệu trước khi khôi phục: ${previous}. Xin khởi động lại dịch vụ.`
      : `Đã khôi phục cơ sở dữ liệu "${path}" từ "${from}" (trước đó chưa có cơ sở dữ liệu). Xin khởi động lại dịch vụ.`,
};
