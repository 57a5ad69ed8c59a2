// A bundle whose top-level code fails, as one built against another host would.
throw new Error('useSyncExternalStore is not a function');
