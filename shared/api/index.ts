export * from './errors';
export * from './contract';
export * from './common';
export * from './auth';
export * from './users';
export * from './audit';
export * from './jobs';
export * from './system';
export type { MethodDef } from './define';
