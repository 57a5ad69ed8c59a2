/**
 * The script each SQLite read worker runs (an eval'd CommonJS script: a file beside the
 * kernel's bundle could not be found from it). It opens the file read-only, keeps its
 * prepared statements (least recently used out) and answers `{ id, sql, parameters }` with
 * `{ id, rows, changes }` or `{ id, error: { message, code } }`. Statements that write can
 * only write connection-local (temp) tables: the handle is read-only.
 */
export const sqliteWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
for (const pragma of workerData.pragmas) db.pragma(pragma);
const statements = new Map();
// As statement-cache.ts, whose limits arrive in workerData with the handle's pragmas (this
// script cannot import them).
const prepare = (text) => {
  if (text.length > workerData.maxSqlLength) return db.prepare(text);
  let statement = statements.get(text);
  if (statement) statements.delete(text);
  else {
    statement = db.prepare(text);
    if (statements.size >= workerData.maxStatements) statements.delete(statements.keys().next().value);
  }
  statements.set(text, statement);
  return statement;
};
// Blobs arrive as Uint8Array (structured clone); better-sqlite3 binds Buffers.
const bind = (value) =>
  value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    const statement = prepare(sql);
    const values = parameters.map(bind);
    if (statement.reader) parentPort.postMessage({ id, rows: statement.all(values) });
    else parentPort.postMessage({ id, rows: [], changes: statement.run(values).changes });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;
