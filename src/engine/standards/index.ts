export * from './schema.ts';
export * from './floor.ts';
export * from './catalogue.ts';
