// `npm run backup [-- <target directory>]`: an online, consistent backup of the database and the attachment files
// it refers to, taken while the portal serves (README, "Backups"). It holds health data: keep it as safe as the
// data directory itself.
import { backupDataDirectory, defaultBackupPath } from "../db/backup";
import { env } from "../app/utils/env.server";

const settings = env();
if (settings.DATABASE_URL) {
  // PostgreSQL is backed up with its own tools, which the hospital's IT department already runs (README, "Backups").
  console.error(
    "backup: DATABASE_URL names PostgreSQL; back it up with pg_dump (README, Backups) and copy DATA_DIR/attachments",
  );
  process.exit(2);
}
const target = process.argv[2] ?? defaultBackupPath(settings.DATA_DIR, new Date());
try {
  const result = backupDataDirectory(settings.DATA_DIR, settings.databasePath, target);
  const gone = result.filesGoneSinceSnapshot ? `, ${result.filesGoneSinceSnapshot} removed since the snapshot` : "";
  console.log(
    `backup written: ${result.directory} (database ${result.databaseBytes} bytes, integrity ok; ${result.files} attachment files${gone})`,
  );
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
