// better-sqlite3 ships no types and @types/better-sqlite3 is not installed: this declares
// the small part of its API the collector and kysely's SqliteDialect use. Delete it if the @types package is added.
declare module 'better-sqlite3' {
  interface RunResult {
    changes: number;
    lastInsertRowid: number | bigint;
  }

  interface Statement<Params extends unknown[] = unknown[]> {
    /** Whether it returns rows (kysely's SqliteDialect reads it). */
    readonly reader: boolean;
    iterate(...params: Params): IterableIterator<unknown>;
    run(...params: Params): RunResult;
    get(...params: Params): unknown;
    all(...params: Params): unknown[];
  }

  class Database {
    constructor(filename: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number });
    pragma(source: string): unknown;
    exec(source: string): this;
    prepare<Params extends unknown[] = unknown[]>(source: string): Statement<Params>;
    transaction<Args extends unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result;
    close(): this;
  }

  export default Database;
}
