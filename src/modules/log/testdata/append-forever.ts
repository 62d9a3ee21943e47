import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../../db/connection.ts';
import { migrate } from '../../../db/migrator.ts';
import { record } from '../../ledger/service.ts';

/** Appends events to the PGlite data dir named on the command line until killed; prints each seq. */
const database = await openDatabase({ dataDir: process.argv[2] as string, durable: true });
await migrate(database);
const subjectId = randomUUID();
for (let seq = 1; ; seq++) {
  await database.db.transaction().execute((tx) =>
    record(tx, {
      subjectKind: 'product',
      subjectId,
      seq,
      type: 'edited',
      actor: { id: null, role: 'admin' },
      reason: null,
      at: new Date(),
      before: { seq: seq - 1 },
      after: { seq },
      registrationNumber: null,
      publicReason: false,
    }),
  );
  process.stdout.write(`${seq}\n`);
}
