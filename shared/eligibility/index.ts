export * from './reasons';
export * from './dates';
export * from './rules';
export * from './engine';
export * from './string-slots';
export * from './registration-order';
