import type { id } from './id';

/** The shape of a translation: every key of the Indonesian reference, each leaf a string. */
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
export type Messages = DeepStrings<typeof id>;
