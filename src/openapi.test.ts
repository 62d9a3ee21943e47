import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, renderOpenApi } from '../scripts/openapi.ts';
import { Client, freshDatabase, type TestDatabase, testDeps } from '../test/helpers.ts';
import { buildApp, openApiDocument } from './server.ts';

describe('the published API description', () => {
  let database: TestDatabase;
  let app: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    database = await freshDatabase('pglite');
    app = buildApp(testDeps(database));
  });
  afterAll(() => database.drop());

  it('is committed exactly as the code declares it (run `npm run openapi` after changing the API)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi(openApiDocument(app)));
  });

  it('is served as OpenAPI 3.1 with the endpoints outside clients rely on', async () => {
    const doc = (await new Client(app).get('/api/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/auth/signup',
      '/api/v1/auth/login',
      '/api/v1/auth/logout',
      '/api/v1/tokens',
      '/api/v1/users',
      '/api/v1/producers',
      '/api/v1/producers/{id}',
      '/api/v1/producers/{id}/submit',
      '/api/v1/producers/{id}/decisions',
      '/api/v1/products',
      '/api/v1/products/{id}',
      '/api/v1/products/{id}/submit',
      '/api/v1/products/{id}/documents',
      '/api/v1/products/{id}/decisions',
      '/api/v1/products/{id}/history',
      '/api/v1/verify/{number}',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });

  it('is readable at /api/docs without any outside request', async () => {
    const res = await new Client(app).get('/api/docs');
    expect(res.status).toBe(200);
    expect(res.body).toContain('/api/v1/products/{id}/decisions');
    // A reader who came from the site finds the way back, in either language.
    expect(res.body).toContain('<a href="/?lang=en">');
    expect(res.body).toContain('<a href="/?lang=fa" lang="fa" dir="rtl">');
    expect(res.body).not.toMatch(/https?:\/\/(?!creativecommons)/);
  });
});
