export * from './read-score-tables';
