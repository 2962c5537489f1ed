// @API:AUTH-001 | SPEC: SPEC-AUTH-001.md | TEST: test/login.test.ts
import { Router } from 'express';
import jwt from 'jsonwebtoken';

export const auth = Router();

auth.post('/auth/login', (req, res) => {
  const { user } = req.body as { user: string };
  res.json({ token: jwt.sign({ sub: user }, process.env.JWT_SECRET ?? '', { expiresIn: '1h' }) });
});
