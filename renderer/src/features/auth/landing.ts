/**
 * Where the first-run page sends the new admin when it is done: the register once demo data is in,
 * home otherwise. The Gate's redirect off /setup is the only navigation there, so clearing the
 * first-run flag and choosing the page cannot race each other.
 */
let landing = '/';

export function setFirstRunLanding(path: string): void {
  landing = path;
}

export function firstRunLanding(): string {
  return landing;
}
