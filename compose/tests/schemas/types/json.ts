// What a type of the ecosystem's packages means for a JSON (or YAML) file, where every value is a literal.
//
// Exact<T>: T's shape with its string enums as the strings they stand for (a file writes "list", never
// LegendDisplayMode.List); required properties stay required. Used for the Kubernetes objects and the dashboard
// model itself.
// Loose<T>: the same with every property optional, at every depth: a panel plugin fills the options and custom
// field config a dashboard leaves out with its own defaults, so a missing one is no error; a misspelled or
// mistyped one still is (TypeScript checks the properties of an object literal against the type's).
export type Exact<T> =
  T extends string ? `${T}` :
  T extends number | boolean | null | undefined ? T :
  T extends (...args: never[]) => unknown ? never :
  T extends readonly (infer U)[] ? Exact<U>[] :
  T extends object ? { [K in keyof T]: Exact<T[K]> } :
  T;

export type Loose<T> =
  T extends string ? `${T}` :
  T extends number | boolean | null | undefined ? T :
  T extends (...args: never[]) => unknown ? never :
  T extends readonly (infer U)[] ? Loose<U>[] :
  T extends object ? { [K in keyof T]?: Loose<T[K]> } :
  T;

/** The type at a JSON path inside T: At<T, ["spec", "containers", 0]>. Lets every object of a file be checked on
 * its own (TypeScript reports one error per checked literal, so one check at the top would show one finding).
 * Below a property T does not have (reported there) it is unknown, so that nothing is reported twice. */
export type At<T, P extends readonly unknown[]> =
  P extends readonly [infer H, ...infer R] ? OrUnknown<At<Step<NonNullable<T>, H>, R>> : T;
type Step<T, K> =
  T extends readonly (infer U)[] ? (K extends number ? U : never) :
  K extends keyof T ? T[K] : never;
type OrUnknown<T> = [T] extends [never] ? unknown : T;
