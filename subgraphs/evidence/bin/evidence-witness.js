#!/usr/bin/env node
// The witness, run from its TypeScript source through tsx (no build step in this repo).
import { register } from 'tsx/esm/api';

register();
await import('../src/witness/main.ts');
