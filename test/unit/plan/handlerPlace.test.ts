import { strict as assert } from 'node:assert';
import { planOf, specDoc } from './planOf';

/** The plan's row of one layer in "Where the code goes". */
const row = (plan: string, label: string): string => plan.split('\n').find((l) => l.startsWith(`| ${label} |`)) ?? '';

describe('plan: where the SPEC\'s handlers go in a small service', () => {
  it('a lone handler file named after its resource gets a sibling for another resource, not the new endpoints', async () => {
    const { plan } = await planOf(
      {
        'backend/requirements.txt': 'fastapi==0.110.0\npytest==8.0.0\n',
        'backend/app/main.py': 'from fastapi import FastAPI\nfrom app.api import users\n\napp = FastAPI()\napp.include_router(users.router)\n',
        'backend/app/api/users.py': 'from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/api/v1/users")\n\n\n@router.get("/{user_id}")\ndef read_user(user_id: int) -> dict:\n    return {}\n',
        'backend/app/services/user_service.py': 'class UserService:\n    def find(self, user_id: int) -> dict:\n        return {}\n',
        '.moai/specs/SPEC-REPORT-001/spec.md': specDoc('REPORT-001', 'Sales reports', '- WHEN a client sends `GET /api/v1/reports/sales`, the system SHALL answer the sales report.\n'),
      },
      'REPORT-001',
    );
    assert.match(row(plan, 'Handlers'), /`backend\/app\/api\/<name>\.py` .*\| add `backend\/app\/api\/reports\.py` \|$/, plan);
    assert.match(row(plan, 'Business logic'), /add `backend\/app\/services\/report_service\.py` \|$/, plan);
    assert.doesNotMatch(plan, /extend `backend\/app\/api\/users\.py`/);
  });

  it('the file whose inline handlers serve the SPEC\'s endpoint already is the one to extend; middleware is no handler', async () => {
    const { plan } = await planOf(
      {
        'gateway/package.json': JSON.stringify({ name: 'gateway', dependencies: { express: '^4.19.0' }, devDependencies: { jest: '^29.0.0' } }),
        'gateway/src/auth/middleware.ts': "import type { Request, Response, NextFunction } from 'express';\n\nexport function requireToken(req: Request, res: Response, next: NextFunction): void {\n  if (!req.headers.authorization) res.status(401).end();\n  else next();\n}\n",
        'gateway/src/auth/routes.ts': "import { Router } from 'express';\n\nexport const auth = Router();\n\nauth.post('/auth/login', (req, res) => {\n  res.json({ token: 't' });\n});\n",
        'gateway/src/orders.ts': "import { Router } from 'express';\nimport { requireToken } from './auth/middleware';\n\nexport const orders = Router();\n\norders.post('/api/v1/orders', requireToken, (_req, res) => {\n  res.status(202).json({ status: 'pending' });\n});\n",
        'gateway/src/app.ts': "import express from 'express';\nimport { auth } from './auth/routes';\nimport { orders } from './orders';\n\nconst app = express();\napp.use(auth);\napp.use(orders);\napp.listen(3000);\n",
        '.moai/specs/SPEC-ORDER-001/spec.md': specDoc('ORDER-001', 'Orders', '- WHEN a client sends `POST /api/v1/orders` with a valid token, the system SHALL accept the order with 202.\n'),
      },
      'ORDER-001',
    );
    assert.match(row(plan, 'Handlers'), /\| extend `gateway\/src\/orders\.ts` \|$/, plan);
    assert.doesNotMatch(plan, /gateway\/src\/auth\/orders\.ts/);
    // The endpoint is served by the inline function after the middleware, which has no name.
    assert.match(plan, /`gateway\/src\/orders\.ts:6` \(served already\)/);
    assert.doesNotMatch(plan, /served already by `requireToken`/);
  });
});
