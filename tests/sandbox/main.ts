import { parseArgs } from 'node:util';
import { startSandbox } from './server';

// `npm run sandbox -- --port 4321 [--full-docs ../shared/spacelift/docs/search_index.json]`
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SANDBOX_PORT ?? '4321' },
    'full-docs': { type: 'string' },
  },
});

const sandbox = await startSandbox({ port: Number(values.port), fullDocsIndex: values['full-docs'] });
console.log(`Sandbox Spacelift running:
  web app      ${sandbox.appUrl}/stacks
  GraphQL      ${sandbox.apiUrl}/graphql
  docs index   ${sandbox.apiUrl}/docs/search/search_index.json
  model        ${sandbox.apiUrl}/v1 (OpenAI-compatible, model "sandbox-scripted")
Press Ctrl+C to stop.`);
process.on('SIGINT', () => void sandbox.close().then(() => process.exit(0)));
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
