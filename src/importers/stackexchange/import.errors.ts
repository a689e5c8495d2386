/** An import that cannot start or go on (bad option, unknown community, missing file); nothing is written. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
