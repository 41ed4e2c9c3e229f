/**
 * Option helpers shared by selectbox, radio and multiselect.
 *
 * In Streamlit 1.67 these widgets send the chosen option's *text*
 * (string_value / string_array_value), not its index, and the proto's
 * `default` holds indices into `options`.
 */

/** The option at `index`, or null when there is none (index=None). */
export function optionAt(options: readonly string[], index: number | null | undefined): string | null {
  if (index === null || index === undefined || index < 0 || index >= options.length) {
    return null
  }
  return options[index]
}

/** A value the script set (raw_value), if it is one of the options. */
export function knownOption(options: readonly string[], value: string | null | undefined): string | null {
  return value !== null && value !== undefined && options.includes(value) ? value : null
}
