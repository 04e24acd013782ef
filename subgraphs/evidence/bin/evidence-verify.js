#!/usr/bin/env node
// The offline verifier, run from its TypeScript source through tsx (no build step in this repo).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/verify.ts');
