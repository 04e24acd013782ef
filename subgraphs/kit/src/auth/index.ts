export * from './identity.js';
export * from './internal-token.js';
export * from './signing-keys.js';
export * from './access-token.js';
export * from './directives.js';
export * from './masking.js';
