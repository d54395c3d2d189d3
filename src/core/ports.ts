// The small interfaces the core and the dialogs need from the outside world, injected by main.ts.

/** Reads the current instant. Production passes `() => new Date()`; tests pass a fixed or stepping clock. */
export type Clock = () => Date;
