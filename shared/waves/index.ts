export * from './card-number';
export * from './dates';
export * from './lifecycle';
