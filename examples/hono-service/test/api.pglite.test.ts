import { defineApiSuite } from './api-suite.ts';

defineApiSuite('PGlite (in memory)');
