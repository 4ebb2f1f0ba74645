declare module '@vitest/runner' {
  interface TaskMeta {
    /** Set by test/setup-postgres.ts on every test of the `integration-postgres` project. */
    engine?: 'postgres';
  }
}
export {};
