export * from './contact-mask';
export * from './disclosure';
export * from './public-content';
