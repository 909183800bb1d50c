export * from './exports';
export * from './indicator-rows';
