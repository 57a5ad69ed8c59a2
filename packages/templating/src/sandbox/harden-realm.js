// Runs inside the sandbox realm (stringified by the sandbox process), so it must stay self-contained.

/**
 * Removes the globals a template realm never needs and freezes every intrinsic reachable
 * from the global object, so code running later in the realm (templates, additional
 * filters) cannot pollute prototypes that later renders of other tasks would see.
 * The global object itself stays extensible because the process passes inputs through it.
 */
export function hardenRealm() {
  for (const name of [
    'console',
    'eval',
    'WebAssembly',
    'SharedArrayBuffer',
    'Atomics',
    'FinalizationRegistry',
    'WeakRef',
  ]) {
    delete globalThis[name];
  }

  // A frozen prototype makes `instance.name = x` throw when `name` is inherited (the
  // "override mistake"); Nunjucks does exactly that on errors. Turning these properties into
  // accessors whose setter defines an own property on the instance keeps such code working.
  const tame = (prototype, names) => {
    for (const name of names) {
      const descriptor = Reflect.getOwnPropertyDescriptor(prototype, name);
      if (!descriptor || !('value' in descriptor) || !descriptor.configurable) continue;
      const value = descriptor.value;
      Object.defineProperty(prototype, name, {
        get() {
          return value;
        },
        set(next) {
          if (this === prototype)
            throw new TypeError(`Cannot assign to the frozen intrinsic property '${name}'`);
          Object.defineProperty(this, name, {
            value: next,
            writable: true,
            enumerable: true,
            configurable: true,
          });
        },
        enumerable: descriptor.enumerable,
        configurable: false,
      });
    }
  };
  tame(Object.prototype, ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty']);
  tame(Function.prototype, ['constructor', 'toString']);
  tame(Array.prototype, ['constructor', 'toString']);
  for (const ErrorType of [
    Error,
    EvalError,
    RangeError,
    ReferenceError,
    SyntaxError,
    TypeError,
    URIError,
    AggregateError,
  ]) {
    tame(ErrorType.prototype, ['constructor', 'name', 'message', 'toString']);
  }

  // Intrinsics that no global property names directly.
  const pending = [
    function* generator() {
      yield 0;
    },
    async function asyncFunction() {
      return 0;
    },
    async function* asyncGenerator() {
      yield 0;
    },
    [][Symbol.iterator](),
    new Map()[Symbol.iterator](),
    new Set()[Symbol.iterator](),
    ''[Symbol.iterator](),
    'a'.matchAll(/a/g),
    Object.getPrototypeOf(Uint8Array),
  ];
  for (const name of Reflect.ownKeys(globalThis)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(globalThis, name);
    if (descriptor && 'value' in descriptor) pending.push(descriptor.value);
  }
  const seen = new Set();
  while (pending.length > 0) {
    const value = pending.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || value === globalThis)
      continue;
    if (seen.has(value)) continue;
    seen.add(value);
    Object.freeze(value);
    pending.push(Object.getPrototypeOf(value));
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
      if (!descriptor) continue;
      if ('value' in descriptor) pending.push(descriptor.value);
      else pending.push(descriptor.get, descriptor.set);
    }
  }
  return seen.size;
}
