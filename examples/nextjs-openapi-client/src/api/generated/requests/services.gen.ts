// This file is auto-generated for backward compatibility
export * from './client.gen';
export * from './sdk.gen';
