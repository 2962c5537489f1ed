// @MIDDLEWARE:AUTH-001
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function requireToken(req: Request, res: Response, next: NextFunction): void {
  const header = req.header('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  try {
    res.locals.user = jwt.verify(token, process.env.JWT_SECRET ?? '');
    next();
  } catch {
    res.status(401).json({ error: 'token expired or invalid' });
  }
}
