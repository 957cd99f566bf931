// The browser build of the core stays within its gzip budget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUDGET_GZIP, sizes } from '../../bench/size.mjs';
import './paths.mjs';

test('size: the browser core (wasm + its JS) is at most 100 kB gzip', () => {
  const core = sizes()['browser core (quoteline.wasm + quoteline.mjs)'];
  assert.ok(core.gzip <= BUDGET_GZIP, `${core.gzip} bytes gzip`);
});
