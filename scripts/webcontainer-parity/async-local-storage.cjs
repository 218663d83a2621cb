// The handbook's WebContainer notes ship this emulation (shared/webcontainer/async-local-storage.cjs);
// kept here so the parity check runs on any clone. Stricter than WebContainers: see flows.ts.
// Emulates WebContainers' AsyncLocalStorage (stackblitz/webcontainer-core#1169): the store follows
// synchronous code and timer callbacks, but is lost across promise continuations (await).
const ah = require('node:async_hooks');
const { syncBuiltinESMExports } = require('node:module');
let current = new Map();
class AsyncLocalStorage {
  #id = Symbol('als');
  run(store, fn, ...args) { const prev = current; current = new Map(current); current.set(this.#id, store); try { return fn(...args); } finally { current = prev; } }
  getStore() { return current.get(this.#id); }
  enterWith(store) { current = new Map(current); current.set(this.#id, store); }
  exit(fn, ...args) { return this.run(undefined, fn, ...args); }
  disable() {}
  static bind(fn) { const snap = current; return function (...a) { const prev = current; current = snap; try { return fn.apply(this, a); } finally { current = prev; } }; }
  static snapshot() { const snap = current; return (fn, ...a) => { const prev = current; current = snap; try { return fn(...a); } finally { current = prev; } }; }
}
for (const name of ['setTimeout', 'setImmediate', 'setInterval']) {
  const orig = globalThis[name];
  globalThis[name] = function (cb, ...rest) {
    if (typeof cb !== 'function') return orig.call(this, cb, ...rest);
    const snap = current;
    return orig.call(this, function (...a) { const prev = current; current = snap; try { return cb.apply(this, a); } finally { current = prev; } }, ...rest);
  };
}
ah.AsyncLocalStorage = AsyncLocalStorage;
syncBuiltinESMExports();
globalThis.AsyncLocalStorage = AsyncLocalStorage;
