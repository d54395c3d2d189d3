// The small interfaces the core and the dialogs need from the outside world, injected by main.ts.

/** Reads the current instant. Production passes the system clock; tests pass a fixed or stepping one. */
export type Clock = () => Date;
