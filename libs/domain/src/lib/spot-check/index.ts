export * from './seeded-pick';
export * from './selection-rule';
export * from './rectification';
