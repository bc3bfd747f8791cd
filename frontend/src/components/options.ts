/**
 * The value of the option that v names, or undefined: narrows what a select
 * or segmented control reports (a string) to its options' type, with a check
 * instead of a cast.
 */
export function optionValue<T extends string>(options: readonly { value: T }[], v: string): T | undefined {
  return options.find((o) => o.value === v)?.value;
}
