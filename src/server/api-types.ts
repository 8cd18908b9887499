// The web's API types, generated from the OpenAPI document the routes' zod schemas make
// (web/src/app/api-schema.d.ts; `npm run api:types` writes it, a test fails when it is stale).
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';
import type { App } from './app.js';

export const API_TYPES_FILE = 'web/src/app/api-schema.d.ts';

export async function apiTypes(app: App): Promise<string> {
  const doc = app.swagger() as unknown as OpenAPI3;
  const ast = await openapiTS(doc, { alphabetize: true, defaultNonNullable: false });
  return `${COMMENT_HEADER}// From GET /api/v1/openapi.json: regenerate with \`npm run api:types\`.\n\n${astToString(ast)}`;
}
