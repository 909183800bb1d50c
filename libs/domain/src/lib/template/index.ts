export * from './numbering';
export * from './sections';
export * from './definition';
export * from './defaults';
export * from './builtins';
export * from './outline';
export * from './validate';
