// The one way screens reach the backend: the generated bindings. `need`
// turns a failed call into an exception the router shows as a message, for
// data a screen cannot do without; forms look at the result themselves.

import type { AppError } from "./bindings";
import { placeError } from "./logic";

export type Result<T> = { status: "ok"; data: T } | { status: "error"; error: AppError };

/** A backend failure that stops a screen from loading. */
export class LoadError extends Error {
  constructor(readonly appError: AppError) {
    super(placeError(appError, []).message);
  }
}

/** The data of a call that must succeed for the screen to be shown. */
export async function need<T>(call: Promise<Result<T>>): Promise<T> {
  const r = await call;
  if (r.status === "error") throw new LoadError(r.error);
  return r.data;
}
