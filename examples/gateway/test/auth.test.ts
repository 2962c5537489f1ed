// @TEST:AUTH-001
import request from 'supertest';
import { app } from '../src/app';

test('an expired token gets 401', async () => {
  const res = await request(app).get('/api/v1/orders').set('authorization', 'Bearer expired');
  expect(res.status).toBe(401);
});
