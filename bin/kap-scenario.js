#!/usr/bin/env node
// kap-scenario: validate, analyze and graph KAP Simulator scenarios.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli();
