export * from './auth';
export * from './businesses';
export * from './personnel';
export * from './audit';
export * from './api-keys';
