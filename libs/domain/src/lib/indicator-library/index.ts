export * from './entry';
export * from './natures';
export * from './sheet';
