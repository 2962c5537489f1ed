// @API:ORDER-001
// @SERVICE:ORDER-001
import { Router } from 'express';
import { requireToken } from './auth/middleware';

export const orders = Router();

orders.post('/api/v1/orders', requireToken, (_req, res) => {
  res.status(202).json({ status: 'pending' });
});

// @api:order-002 draft endpoint, written in lower case: a malformed tag
orders.get('/api/v1/orders', requireToken, (_req, res) => res.json([]));
